//! policyc as WebAssembly: check, build, fmt and explain for JavaScript (docs/web.md). A thin
//! shell over the library: `api` does the work in plain Rust, this file converts values.

pub mod api;
pub mod position;

use std::collections::BTreeMap;

use serde::Serialize;
use serde::de::DeserializeOwned;
use serde::de::IgnoredAny;
use wasm_bindgen::prelude::*;

/// Plain JavaScript objects (not `Map`s), so results print and `JSON.stringify` as they look.
fn to_js<T: Serialize>(value: &T) -> JsValue {
    // Serialising plain structs of strings and numbers cannot fail; `null` if it ever did.
    value.serialize(&serde_wasm_bindgen::Serializer::json_compatible()).unwrap_or(JsValue::NULL)
}

// The shapes of the results for TypeScript; `api` is the authority, this mirrors it.
#[wasm_bindgen(typescript_custom_section)]
const TYPES: &str = r#"
export interface Span {
  line: number; column: number; end_line: number; end_column: number;
  start: number; end: number; start_utf16: number; end_utf16: number;
}
export interface Label extends Span { message: string; primary: boolean; }
export interface Diagnostic extends Span {
  code: string; severity: "error" | "warning"; message: string; help: string | null;
  file: string; labels: Label[];
}
export interface Checked { diagnostics: Diagnostic[]; rendered: string; errors: number; warnings: number; }
export interface BuildOptions {
  layout?: "by-topic" | "by-activity" | "by-audience"; standalone?: boolean; final?: boolean;
  model?: boolean; templates?: Record<string, string>;
}
export interface OutputFile { name: string; contents: string; }
export interface Built {
  ok: boolean; files: OutputFile[]; diagnostics: Diagnostic[]; rendered: string; error: string | null;
}
export interface PreviewOptions {
  language?: "da" | "sv"; layout?: "by-topic" | "by-activity" | "by-audience"; standalone?: boolean;
}
export interface Previewed {
  ok: boolean; html: string; language: "da" | "sv" | null; languages: ("da" | "sv")[]; draft: boolean;
  diagnostics: Diagnostic[]; error: string | null;
}
export interface Formatted { formatted: string | null; changed: boolean; diagnostics: Diagnostic[]; rendered: string; }
export interface CodeInfo { code: string; severity: "error" | "warning"; summary: string; }
"#;

fn name_or_default(name: Option<String>) -> String {
    name.unwrap_or_else(|| api::DEFAULT_NAME.to_string())
}

/// Check a policy: `{ diagnostics, rendered, errors, warnings }`.
#[wasm_bindgen(unchecked_return_type = "Checked")]
pub fn check(source: &str, name: Option<String>) -> JsValue {
    to_js(&api::check(source, &name_or_default(name)))
}

/// Build a policy's files in memory: `{ ok, files: [{ name, contents }], diagnostics, rendered,
/// error }`. `options`: `{ layout, standalone, final, model, templates: { name: text } }`.
#[wasm_bindgen(unchecked_return_type = "Built")]
pub fn build(
    source: &str,
    name: Option<String>,
    #[wasm_bindgen(unchecked_optional_param_type = "BuildOptions")] options: JsValue,
) -> JsValue {
    match read_options(options, api::BuildOptions::NAMES) {
        Ok(options) => to_js(&api::build(source, &name_or_default(name), options)),
        Err(e) => to_js(&api::Built::refused(format!("the options cannot be read: {e}"))),
    }
}

/// Reads an options object; an unknown name is refused (a misspelt option would otherwise change
/// nothing without a word).
fn read_options<T: DeserializeOwned + Default>(value: JsValue, known: &[&str]) -> Result<T, String> {
    if value.is_undefined() || value.is_null() {
        return Ok(T::default());
    }
    // serde-wasm-bindgen reads only a struct's own fields and ignores the rest, whatever
    // `deny_unknown_fields` says, so the names are checked first.
    let names: BTreeMap<String, IgnoredAny> =
        serde_wasm_bindgen::from_value(value.clone()).map_err(|e| e.to_string())?;
    api::refuse_unknown(names.keys().map(String::as_str), known)?;
    serde_wasm_bindgen::from_value(value).map_err(|e| e.to_string())
}

/// One notice, for a live preview: `{ ok, html, language, languages, draft, diagnostics,
/// error }`. `options`: `{ language, layout, standalone }`. Cheaper than `build`, which renders
/// every language and every file.
#[wasm_bindgen(unchecked_return_type = "Previewed")]
pub fn preview(
    source: &str,
    name: Option<String>,
    #[wasm_bindgen(unchecked_optional_param_type = "PreviewOptions")] options: JsValue,
) -> JsValue {
    match read_options(options, api::PreviewOptions::NAMES) {
        Ok(options) => to_js(&api::preview(source, &name_or_default(name), options)),
        Err(e) => to_js(&api::Previewed::refused(format!("the options cannot be read: {e}"))),
    }
}

/// Format a policy: `{ formatted, changed, diagnostics, rendered }`; `formatted` is `null` when
/// the policy cannot be parsed.
#[wasm_bindgen(unchecked_return_type = "Formatted")]
pub fn fmt(source: &str, name: Option<String>) -> JsValue {
    to_js(&api::fmt(source, &name_or_default(name)))
}

/// The explanation of a code (Markdown), or `undefined` for a string that is not a code.
#[wasm_bindgen]
pub fn explain(code: &str) -> Option<String> {
    api::explain(code)
}

/// Every code: `[{ code, severity, summary }]`.
#[wasm_bindgen(unchecked_return_type = "CodeInfo[]")]
pub fn codes() -> JsValue {
    to_js(&api::codes())
}

/// The names of the templates that `build`'s `templates` option can replace.
#[wasm_bindgen(js_name = templateNames, unchecked_return_type = "string[]")]
pub fn template_names() -> JsValue {
    to_js(&policyc::emit::TemplateSet::names().collect::<Vec<_>>())
}

/// The built-in text of a template, to start an override from; `undefined` for other names.
#[wasm_bindgen(js_name = templateSource)]
pub fn template_source(name: &str) -> Option<String> {
    policyc::emit::TemplateSet::built_in().source(name).ok().flatten()
}
