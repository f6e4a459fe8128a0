//! Stage 4, emit: the checked model -> notices. For each declared language, the layout's
//! template renders the notice facts (`context`) as Markdown; pulldown-cmark turns that into
//! an HTML fragment, and with `standalone` the page template wraps it into a page.

mod context;
mod html;
mod markdown;
mod templates;

pub use context::Notice;
pub use templates::TemplateSet;

use minijinja::{Value, context, value::Serde};

use crate::diagnostic::{Code, Diagnostic};
use crate::model::Policy;
use crate::model::vocab::{Layout, Vocabulary};
use crate::span::{SourceFile, Span};

/// How to build notices.
#[derive(Debug, Clone, Default)]
pub struct Options {
    pub templates: TemplateSet,
    /// Write complete HTML pages instead of fragments.
    pub standalone: bool,
    /// Overrides the policy's own layout.
    pub layout: Option<Layout>,
}

/// A generated file: its name inside the output folder and its contents.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Output {
    pub name: String,
    pub contents: String,
}

/// A template that failed, with the diagnostics that locate the failure in the template.
#[derive(Debug)]
pub struct TemplateError {
    pub file: SourceFile,
    pub diagnostics: Vec<Diagnostic>,
}

/// The notices of `policy`, one Markdown and one HTML file per declared language. `source` is
/// the policy file's name, recorded in every generated file.
pub fn notices(policy: &Policy, source: &str, options: &Options) -> Result<Vec<Output>, TemplateError> {
    let env = options.templates.environment();
    let layout = options.layout.unwrap_or(policy.header.layout);
    let id = &policy.header.id.value;
    let mut outputs = Vec::new();
    for lang in &policy.header.languages {
        let lang = lang.word();
        let notice = context::notice(policy, *lang_of(lang), source);
        let lexicon = lexicon(&options.templates, lang)?;
        let template_name = format!("{lang}/{}.md.j2", layout.word());
        let body = env
            .get_template(&template_name)
            .and_then(|t| t.render(context! { n => Serde(&notice), t => lexicon.clone() }))
            .map_err(|e| template_error(&options.templates, &template_name, &e))?;
        let signature = html::signature(&notice.generator, source);
        let fragment = html::fragment(&body);
        let html = if options.standalone {
            let title = policy.header.title.as_ref().map_or(id.as_str(), |t| t.get(*lang_of(lang)));
            let css = options.templates.source("style.css").ok().flatten().unwrap_or_default();
            env.get_template("page.html.j2")
                .and_then(|t| {
                    t.render(context! {
                        lang => lang,
                        title => title,
                        signature => Value::from_safe_string(signature.clone()),
                        css => Value::from_safe_string(css),
                        body => Value::from_safe_string(fragment.clone()),
                    })
                })
                .map_err(|e| template_error(&options.templates, "page.html.j2", &e))?
        } else {
            format!("{signature}{fragment}")
        };
        outputs.push(Output { name: format!("{id}.{lang}.md"), contents: format!("{signature}\n{body}") });
        outputs.push(Output { name: format!("{id}.{lang}.html"), contents: html });
    }
    Ok(outputs)
}

fn lang_of(word: &str) -> &'static crate::model::vocab::Lang {
    use crate::model::vocab::Lang;
    Lang::ALL.iter().find(|l| l.word() == word).unwrap_or(&Lang::ALL[0])
}

/// The lexicon of a language: the standard legal wording the templates look words up in.
fn lexicon(set: &TemplateSet, lang: &str) -> Result<Value, TemplateError> {
    let name = format!("{lang}/lexicon.yaml");
    let text = set.source(&name).ok().flatten().unwrap_or_default();
    match yaml_serde::from_str::<yaml_serde::Value>(&text) {
        Ok(value) => Ok(Value::from(Serde(value))),
        Err(e) => {
            let offset = e.location().map_or(0, |l| l.index());
            Err(TemplateError {
                diagnostics: vec![
                    Diagnostic::new(
                        Code::Template,
                        format!("the lexicon cannot be read: {e}"),
                        Span::new(offset, offset),
                        "here",
                    )
                    .with_help("the lexicon is YAML: check the indentation and quoting around this point"),
                ],
                file: SourceFile::new(name, text),
            })
        }
    }
}

fn template_error(set: &TemplateSet, fallback: &str, e: &minijinja::Error) -> TemplateError {
    let name = e.name().unwrap_or(fallback).to_string();
    let text = set.source(&name).ok().flatten().unwrap_or_default();
    let file = SourceFile::new(format!("templates/{name}"), text);
    let span = match (e.range(), e.line()) {
        (Some(r), _) => Span::new(r.start, r.end),
        (None, Some(line)) => {
            let start = file.text.split_inclusive('\n').take(line.saturating_sub(1)).map(str::len).sum();
            Span::new(start, start)
        }
        (None, None) => Span::default(),
    };
    let detail = e.detail().map_or_else(|| e.kind().to_string(), str::to_string);
    TemplateError {
        diagnostics: vec![
            Diagnostic::new(
                Code::Template,
                format!("the template cannot be rendered: {detail}"),
                span,
                e.kind().to_string(),
            )
            .with_help("fix the template, or remove the override to use the built-in one"),
        ],
        file,
    }
}
