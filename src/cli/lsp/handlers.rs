//! One function per request: read the params, convert positions, call `policyc::ide`, convert
//! back. Requests on a document that is not open answer `null`.

use lsp_server::{ErrorCode, Notification, Request, Response};
use lsp_types::{
    CodeAction, CodeActionKind, CodeActionOrCommand, CodeActionParams, CodeActionProviderCapability, CompletionItem,
    CompletionItemKind, CompletionOptions, CompletionParams, CompletionTextEdit, DidChangeTextDocumentParams,
    DidCloseTextDocumentParams, DidOpenTextDocumentParams, DocumentFormattingParams, DocumentSymbol,
    DocumentSymbolParams, Documentation, FoldingRange, FoldingRangeKind, FoldingRangeParams,
    FoldingRangeProviderCapability, GotoDefinitionParams, Hover, HoverContents, HoverParams, HoverProviderCapability,
    Location, MarkupContent, MarkupKind, OneOf, ReferenceParams, RenameOptions, RenameParams, ServerCapabilities,
    SymbolKind, TextDocumentIdentifier, TextDocumentPositionParams, TextDocumentSyncCapability, TextDocumentSyncKind,
    TextEdit, Uri, WorkspaceEdit,
};
use serde::Deserialize;
use serde::de::DeserializeOwned;
use serde_json::{Value, json};

use crate::cli::lsp::convert::{Encoding, LineIndex};
use crate::cli::lsp::documents::{Documents, diagnostic};
use policyc::ide::{self, Analysis};

/// What the server offers, in the negotiated position encoding.
pub fn capabilities(encoding: Encoding) -> ServerCapabilities {
    ServerCapabilities {
        position_encoding: Some(encoding.kind()),
        text_document_sync: Some(TextDocumentSyncCapability::Kind(TextDocumentSyncKind::INCREMENTAL)),
        hover_provider: Some(HoverProviderCapability::Simple(true)),
        definition_provider: Some(OneOf::Left(true)),
        references_provider: Some(OneOf::Left(true)),
        rename_provider: Some(OneOf::Right(RenameOptions {
            prepare_provider: Some(true),
            work_done_progress_options: Default::default(),
        })),
        completion_provider: Some(CompletionOptions {
            trigger_characters: Some(vec![" ".into(), ",".into()]),
            ..Default::default()
        }),
        document_symbol_provider: Some(OneOf::Left(true)),
        folding_range_provider: Some(FoldingRangeProviderCapability::Simple(true)),
        document_formatting_provider: Some(OneOf::Left(true)),
        code_action_provider: Some(CodeActionProviderCapability::Simple(true)),
        ..Default::default()
    }
}

pub fn notification(docs: &mut Documents, n: Notification) {
    match n.method.as_str() {
        "textDocument/didOpen" => {
            if let Ok(p) = serde_json::from_value::<DidOpenTextDocumentParams>(n.params) {
                docs.open(p.text_document.uri, p.text_document.text, p.text_document.version);
            }
        }
        "textDocument/didChange" => {
            if let Ok(p) = serde_json::from_value::<DidChangeTextDocumentParams>(n.params) {
                docs.change(&p.text_document.uri, p.text_document.version, p.content_changes);
            }
        }
        "textDocument/didClose" => {
            if let Ok(p) = serde_json::from_value::<DidCloseTextDocumentParams>(n.params) {
                docs.close(&p.text_document.uri);
            }
        }
        _ => {}
    }
}

type Answer = Result<Value, (ErrorCode, String)>;

pub fn request(docs: &mut Documents, r: Request) -> Response {
    let answer = match r.method.as_str() {
        "textDocument/hover" => params(r.params).and_then(|p| hover(docs, p)),
        "textDocument/definition" => params(r.params).and_then(|p| definition(docs, p)),
        "textDocument/references" => params(r.params).and_then(|p| references(docs, p)),
        "textDocument/prepareRename" => params(r.params).and_then(|p| prepare_rename(docs, p)),
        "textDocument/rename" => params(r.params).and_then(|p| rename(docs, p)),
        "textDocument/completion" => params(r.params).and_then(|p| completion(docs, p)),
        "textDocument/documentSymbol" => params(r.params).and_then(|p| symbols(docs, p)),
        "textDocument/foldingRange" => params(r.params).and_then(|p| folding(docs, p)),
        "textDocument/formatting" => params(r.params).and_then(|p| formatting(docs, p)),
        "textDocument/codeAction" => params(r.params).and_then(|p| code_actions(docs, p)),
        "policyc/preview" => params(r.params).and_then(|p| preview(docs, p)),
        other => Err((ErrorCode::MethodNotFound, format!("policyc lsp does not handle `{other}`"))),
    };
    match answer {
        Ok(result) => Response { id: r.id, response_result: Ok(result) },
        Err((code, message)) => Response::new_err(r.id, code as i32, message),
    }
}

fn params<P: DeserializeOwned>(value: Value) -> Result<P, (ErrorCode, String)> {
    serde_json::from_value(value).map_err(|e| (ErrorCode::InvalidParams, e.to_string()))
}

fn ok(value: impl serde::Serialize) -> Answer {
    serde_json::to_value(value).map_err(|e| (ErrorCode::InternalError, e.to_string()))
}

fn failed(message: String) -> Answer {
    Err((ErrorCode::RequestFailed, message))
}

/// The compiled document and the byte offset of a position in it.
fn at<'a>(docs: &'a mut Documents, p: &TextDocumentPositionParams) -> Option<(&'a Analysis, &'a LineIndex, usize)> {
    let (analysis, index) = docs.get(&p.text_document.uri)?;
    let offset = index.offset(&analysis.file.text, p.position);
    Some((analysis, index, offset))
}

fn hover(docs: &mut Documents, p: HoverParams) -> Answer {
    let Some((analysis, index, offset)) = at(docs, &p.text_document_position_params) else { return ok(Value::Null) };
    let Some(h) = ide::hover(analysis, offset) else { return ok(Value::Null) };
    ok(Hover {
        contents: HoverContents::Markup(MarkupContent { kind: MarkupKind::Markdown, value: h.markdown }),
        range: Some(index.range(&analysis.file.text, h.span)),
    })
}

fn definition(docs: &mut Documents, p: GotoDefinitionParams) -> Answer {
    let uri = p.text_document_position_params.text_document.uri.clone();
    let Some((analysis, index, offset)) = at(docs, &p.text_document_position_params) else { return ok(Value::Null) };
    match ide::definition(analysis, offset) {
        Some(span) => ok(Location { uri, range: index.range(&analysis.file.text, span) }),
        None => ok(Value::Null),
    }
}

fn references(docs: &mut Documents, p: ReferenceParams) -> Answer {
    let uri = p.text_document_position.text_document.uri.clone();
    let Some((analysis, index, offset)) = at(docs, &p.text_document_position) else { return ok(Value::Null) };
    let spans = ide::references(analysis, offset, p.context.include_declaration);
    let text = &analysis.file.text;
    ok(spans.into_iter().map(|s| Location { uri: uri.clone(), range: index.range(text, s) }).collect::<Vec<_>>())
}

fn prepare_rename(docs: &mut Documents, p: TextDocumentPositionParams) -> Answer {
    let Some((analysis, index, offset)) = at(docs, &p) else { return ok(Value::Null) };
    match ide::prepare_rename(analysis, offset) {
        Ok(span) => ok(index.range(&analysis.file.text, span)),
        Err(message) => failed(message),
    }
}

fn rename(docs: &mut Documents, p: RenameParams) -> Answer {
    let uri = p.text_document_position.text_document.uri.clone();
    let Some((analysis, index, offset)) = at(docs, &p.text_document_position) else { return ok(Value::Null) };
    match ide::rename(analysis, offset, &p.new_name) {
        Ok(edits) => ok(workspace_edit(&uri, text_edits(analysis, index, edits))),
        Err(message) => failed(message),
    }
}

fn text_edits(analysis: &Analysis, index: &LineIndex, edits: Vec<ide::Edit>) -> Vec<TextEdit> {
    edits.into_iter().map(|e| TextEdit { range: index.range(&analysis.file.text, e.span), new_text: e.text }).collect()
}

fn workspace_edit(uri: &Uri, edits: Vec<TextEdit>) -> WorkspaceEdit {
    WorkspaceEdit { changes: Some([(uri.clone(), edits)].into_iter().collect()), ..Default::default() }
}

fn completion(docs: &mut Documents, p: CompletionParams) -> Answer {
    let Some((analysis, index, offset)) = at(docs, &p.text_document_position) else { return ok(Value::Null) };
    let text = &analysis.file.text;
    let items: Vec<CompletionItem> = ide::completions(analysis, offset)
        .into_iter()
        .map(|c| CompletionItem {
            text_edit: Some(CompletionTextEdit::Edit(TextEdit {
                range: index.range(text, c.replace),
                new_text: c.label.clone(),
            })),
            label: c.label,
            kind: Some(match c.kind {
                ide::CompletionKind::Keyword => CompletionItemKind::KEYWORD,
                ide::CompletionKind::Word => CompletionItemKind::ENUM_MEMBER,
                ide::CompletionKind::Name => CompletionItemKind::REFERENCE,
            }),
            detail: Some(c.detail),
            documentation: c
                .documentation
                .map(|value| Documentation::MarkupContent(MarkupContent { kind: MarkupKind::Markdown, value })),
            ..Default::default()
        })
        .collect();
    ok(items)
}

fn symbols(docs: &mut Documents, p: DocumentSymbolParams) -> Answer {
    let Some((analysis, index)) = docs.get(&p.text_document.uri) else { return ok(Value::Null) };
    let text = &analysis.file.text;
    #[allow(deprecated)] // `deprecated` is a field the type still requires
    fn convert(s: ide::Symbol, text: &str, index: &LineIndex) -> DocumentSymbol {
        DocumentSymbol {
            name: s.name,
            detail: Some(s.kind.to_string()),
            kind: match s.kind {
                "policy" | "controller" => SymbolKind::MODULE,
                "purpose" | "retention" => SymbolKind::FUNCTION,
                "data" | "group" => SymbolKind::STRUCT,
                "event" => SymbolKind::EVENT,
                _ => SymbolKind::OBJECT,
            },
            tags: None,
            deprecated: None,
            range: index.range(text, s.span),
            selection_range: index.range(text, s.selection),
            children: Some(s.children.into_iter().map(|c| convert(c, text, index)).collect()),
        }
    }
    ok(ide::symbols(analysis).into_iter().map(|s| convert(s, text, index)).collect::<Vec<_>>())
}

fn folding(docs: &mut Documents, p: FoldingRangeParams) -> Answer {
    let Some((analysis, index)) = docs.get(&p.text_document.uri) else { return ok(Value::Null) };
    let text = &analysis.file.text;
    let ranges: Vec<FoldingRange> = ide::folding_ranges(analysis)
        .into_iter()
        .map(|s| {
            let r = index.range(text, s);
            let comment = text.get(s.range()).is_some_and(|t| t.starts_with("//"));
            FoldingRange {
                start_line: r.start.line,
                end_line: r.end.line,
                kind: Some(if comment { FoldingRangeKind::Comment } else { FoldingRangeKind::Region }),
                ..Default::default()
            }
        })
        .collect();
    ok(ranges)
}

fn formatting(docs: &mut Documents, p: DocumentFormattingParams) -> Answer {
    let Some((analysis, index)) = docs.get(&p.text_document.uri) else { return ok(Value::Null) };
    match ide::format(analysis) {
        Ok(edits) => ok(text_edits(analysis, index, edits)),
        Err(message) => failed(message),
    }
}

fn code_actions(docs: &mut Documents, p: CodeActionParams) -> Answer {
    let uri = p.text_document.uri.clone();
    let Some((analysis, index)) = docs.get(&uri) else { return ok(Value::Null) };
    let span = index.span(&analysis.file.text, p.range);
    let actions: Vec<CodeActionOrCommand> = ide::code_actions(analysis, span)
        .into_iter()
        .map(|a| {
            let fixes = analysis.diagnostics().get(a.diagnostic).map(|d| diagnostic(analysis, index, &uri, d));
            CodeActionOrCommand::CodeAction(CodeAction {
                title: a.title,
                kind: Some(CodeActionKind::QUICKFIX),
                diagnostics: fixes.map(|d| vec![d]),
                edit: Some(workspace_edit(&uri, text_edits(analysis, index, a.edits))),
                is_preferred: Some(a.preferred),
                ..Default::default()
            })
        })
        .collect();
    ok(actions)
}

/// `policyc/preview`: `{ textDocument: { uri }, language, layout? }` -> `{ html, draft }`.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct PreviewParams {
    text_document: TextDocumentIdentifier,
    language: String,
    #[serde(default)]
    layout: Option<String>,
}

fn preview(docs: &mut Documents, p: PreviewParams) -> Answer {
    let Some((analysis, _)) = docs.get(&p.text_document.uri) else {
        return failed("the document is not open".into());
    };
    match ide::preview(analysis, &p.language, p.layout.as_deref()) {
        Ok(preview) => ok(json!({ "html": preview.html, "draft": preview.draft })),
        Err(message) => failed(message),
    }
}
