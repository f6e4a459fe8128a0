//! The open documents: the latest text of each, compiled only when something reads it, and
//! diagnostics published once per version.

use std::collections::BTreeMap;
use std::str::FromStr;
use std::sync::Arc;
use std::sync::mpsc::{Sender, channel};

use lsp_server::Notification;
use lsp_types::notification::{Notification as _, PublishDiagnostics};
use lsp_types::{
    CodeDescription, DiagnosticRelatedInformation, DiagnosticSeverity, Location, NumberOrString,
    PublishDiagnosticsParams, TextDocumentContentChangeEvent, Uri,
};
use policyc::diagnostic::{Diagnostic, Severity};
use policyc::ide::{Analysis, Parsed, explanation_url};

use crate::cli::lsp::convert::{Encoding, LineIndex};

pub struct Doc {
    pub uri: Uri,
    text: String,
    /// Lines of `text`, kept with it: edits and answers both need them.
    index: LineIndex,
    version: i32,
    compiled: Option<Analysis>,
    /// The last compiled version that parsed, while the compiled one does not (or is not
    /// compiled yet): hover and the names read it (`policyc::ide` maps it through the lines
    /// changed since).
    last_parsed: Option<Arc<Parsed>>,
    published: bool,
}

/// Something large to free off the main loop.
type Garbage = Box<dyn Send>;

pub struct Documents {
    docs: BTreeMap<String, Doc>,
    pub encoding: Encoding,
    /// Closed documents whose diagnostics must be cleared.
    closed: Vec<Uri>,
    /// Analyses and trees of replaced versions: freeing a large tree takes milliseconds, so it
    /// is done on a thread of its own, after the new diagnostics are out.
    garbage: Vec<Garbage>,
    bin: Option<Sender<Vec<Garbage>>>,
}

impl Documents {
    pub fn new(encoding: Encoding) -> Self {
        let (bin, rx) = channel::<Vec<Garbage>>();
        let spawned =
            std::thread::Builder::new().name("policyc-free".into()).spawn(move || rx.into_iter().for_each(drop));
        // Without the thread, analyses are freed where they are replaced.
        let bin = spawned.is_ok().then_some(bin);
        Documents { docs: BTreeMap::new(), encoding, closed: Vec::new(), garbage: Vec::new(), bin }
    }

    pub fn open(&mut self, uri: Uri, text: String, version: i32) {
        let index = LineIndex::new(&text, self.encoding);
        let doc = Doc { uri: uri.clone(), text, index, version, compiled: None, last_parsed: None, published: false };
        self.docs.insert(uri.as_str().to_string(), doc);
    }

    /// Apply changes in order; each range is read against the text as the previous change left it.
    pub fn change(&mut self, uri: &Uri, version: i32, changes: Vec<TextDocumentContentChangeEvent>) {
        let encoding = self.encoding;
        let Some(doc) = self.docs.get_mut(uri.as_str()) else { return };
        for change in changes {
            match change.range {
                None => doc.text = change.text,
                Some(range) => {
                    let span = doc.index.span(&doc.text, range);
                    doc.text.replace_range(span.range(), &change.text);
                }
            }
            doc.index = LineIndex::new(&doc.text, encoding);
        }
        doc.version = version;
        if let Some(mut replaced) = doc.compiled.take() {
            // Its tree moves (no copy) to be the last parse, unless it did not parse.
            if let Some(parsed) = replaced.take_parsed() {
                self.garbage.extend(doc.last_parsed.replace(parsed).map(|p| Box::new(p) as Garbage));
            }
            self.garbage.push(Box::new(replaced));
        }
        doc.published = false;
    }

    pub fn close(&mut self, uri: &Uri) {
        if let Some(doc) = self.docs.remove(uri.as_str()) {
            self.garbage.extend(doc.compiled.map(|a| Box::new(a) as Garbage));
            self.garbage.extend(doc.last_parsed.map(|p| Box::new(p) as Garbage));
            self.closed.push(uri.clone());
        }
    }

    /// Free the analyses of replaced versions (call after publishing).
    pub fn collect_garbage(&mut self) {
        let garbage = std::mem::take(&mut self.garbage);
        if let Some(bin) = &self.bin {
            let _ = bin.send(garbage);
        }
    }

    /// The document compiled at its latest text.
    pub fn get(&mut self, uri: &Uri) -> Option<(&Analysis, &LineIndex)> {
        let doc = self.docs.get_mut(uri.as_str())?;
        if doc.compiled.is_none() {
            let analysis = Analysis::new(file_name(&doc.uri), doc.text.clone());
            if analysis.ast.is_some() {
                // This version is the last parse now (its tree moves there when it is replaced):
                // the older one is not needed, and one tree in memory is as before.
                self.garbage.extend(doc.last_parsed.take().map(|p| Box::new(p) as Garbage));
            }
            doc.compiled = Some(analysis.with_last_parsed(doc.last_parsed.clone()));
        }
        doc.compiled.as_ref().map(|a| (a, &doc.index))
    }

    /// `textDocument/publishDiagnostics` for every document changed since it was last published.
    pub fn publish(&mut self) -> Vec<Notification> {
        let mut out: Vec<Notification> = self
            .closed
            .drain(..)
            .map(|uri| notification(PublishDiagnosticsParams { uri, diagnostics: Vec::new(), version: None }))
            .collect();
        let stale: Vec<String> = self.docs.iter().filter(|(_, d)| !d.published).map(|(k, _)| k.clone()).collect();
        for key in stale {
            let Some(uri) = self.docs.get(&key).map(|d| d.uri.clone()) else { continue };
            // A compile that panicked must not silence the others (nor take the server down).
            let params = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                let version = self.docs.get(&key).map(|d| d.version);
                self.get(&uri).map(|(analysis, index)| PublishDiagnosticsParams {
                    uri: uri.clone(),
                    diagnostics: analysis.diagnostics().iter().map(|d| diagnostic(analysis, index, &uri, d)).collect(),
                    version,
                })
            }));
            if let Some(doc) = self.docs.get_mut(&key) {
                doc.published = true;
            }
            if let Ok(Some(params)) = params {
                out.push(notification(params));
            }
        }
        out
    }
}

fn notification(params: PublishDiagnosticsParams) -> Notification {
    Notification::new(PublishDiagnostics::METHOD.to_string(), params)
}

/// The last segment of the document's path, for messages and the notice's signature.
fn file_name(uri: &Uri) -> String {
    let path = uri.path().as_str();
    path.rsplit('/').next().filter(|s| !s.is_empty()).unwrap_or("untitled.policy").to_string()
}

/// A diagnostic in the protocol's terms: the help appended to the message, every label as
/// related information (the primary first), and a link to the code's explanation.
pub fn diagnostic(analysis: &Analysis, index: &LineIndex, uri: &Uri, d: &Diagnostic) -> lsp_types::Diagnostic {
    let text = analysis.file.text.as_str();
    let mut labels: Vec<_> = d.labels.iter().collect();
    labels.sort_by_key(|l| !l.primary);
    let related = labels
        .iter()
        .map(|l| DiagnosticRelatedInformation {
            location: Location { uri: uri.clone(), range: index.range(text, l.span) },
            message: l.message.clone(),
        })
        .collect();
    let message = match &d.help {
        Some(help) => format!("{}\nhelp: {help}", d.message),
        None => d.message.clone(),
    };
    lsp_types::Diagnostic {
        range: index.range(text, d.primary_span()),
        severity: Some(match d.severity() {
            Severity::Error => DiagnosticSeverity::ERROR,
            Severity::Warning => DiagnosticSeverity::WARNING,
        }),
        code: Some(NumberOrString::String(d.code.as_str().to_string())),
        code_description: Uri::from_str(&explanation_url(d.code)).ok().map(|href| CodeDescription { href }),
        source: Some("policyc".to_string()),
        message,
        related_information: Some(related),
        tags: None,
        data: None,
    }
}
