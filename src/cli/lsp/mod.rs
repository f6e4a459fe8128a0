//! `policyc lsp`: the Language Server Protocol over stdio. A synchronous loop (rust-analyzer's
//! `lsp-server`): read what has arrived, apply it, answer. The editor logic is the library's
//! `policyc::ide`; this module only translates the protocol (positions in `convert`, requests
//! in `handlers`).
//!
//! Stale work is skipped: every message already queued is read before anything is compiled, so
//! a burst of keystrokes costs one compile of the latest text, and diagnostics are published
//! once per burst. A request in the middle of a burst compiles the text as it stands then.

mod convert;
mod documents;
mod handlers;

use std::panic::{AssertUnwindSafe, catch_unwind};

use lsp_server::{Connection, ErrorCode, Message, Response};
use lsp_types::{InitializeParams, ServerCapabilities};

use crate::cli::Exit;
use convert::Encoding;
use documents::Documents;

pub fn run() -> Exit {
    let (connection, io_threads) = Connection::stdio();
    let served = serve(&connection);
    // The writer thread ends only when every sender is gone: drop the connection first.
    drop(connection);
    let joined = io_threads.join();
    match (served, joined) {
        (Ok(()), Ok(())) => Exit::Ok,
        (Err(e), _) => {
            eprintln!("error: policyc lsp: {e}");
            Exit::Failed
        }
        (_, Err(e)) => {
            eprintln!("error: policyc lsp: {e}");
            Exit::Failed
        }
    }
}

fn serve(connection: &Connection) -> Result<(), String> {
    let (id, params) = connection.initialize_start().map_err(|e| e.to_string())?;
    let params: InitializeParams = serde_json::from_value(params).unwrap_or_default();
    let offered = params.capabilities.general.as_ref().and_then(|g| g.position_encodings.as_deref());
    let encoding = Encoding::negotiate(offered);
    let capabilities = handlers::capabilities(encoding);
    let result = serde_json::json!({
        "capabilities": serde_json::to_value::<ServerCapabilities>(capabilities).unwrap_or_default(),
        "serverInfo": { "name": "policyc", "version": env!("CARGO_PKG_VERSION") },
    });
    connection.initialize_finish(id, result).map_err(|e| e.to_string())?;
    main_loop(connection, Documents::new(encoding))
}

fn main_loop(connection: &Connection, mut docs: Documents) -> Result<(), String> {
    while let Ok(first) = connection.receiver.recv() {
        // Every queued message is handled before the documents are compiled and published, so
        // a burst of keys costs one compile. Taken one at a time, not drained into a batch:
        // after `shutdown`, `handle_shutdown` waits in the channel for the `exit` a client may
        // already have sent behind it.
        let mut next = Some(first);
        while let Some(message) = next.take() {
            match message {
                Message::Request(request) => {
                    if connection.handle_shutdown(&request).map_err(|e| e.to_string())? {
                        return Ok(());
                    }
                    let id = request.id.clone();
                    let response = catch_unwind(AssertUnwindSafe(|| handlers::request(&mut docs, request)))
                        .unwrap_or_else(|_| {
                            Response::new_err(
                                id,
                                ErrorCode::InternalError as i32,
                                "internal error in policyc; please report it".into(),
                            )
                        });
                    send(connection, response.into())?;
                }
                Message::Notification(notification) => {
                    // A panic must not take the server down; the document stays as it was.
                    let _ = catch_unwind(AssertUnwindSafe(|| handlers::notification(&mut docs, notification)));
                }
                Message::Response(_) => {}
            }
            next = connection.receiver.try_recv().ok();
        }
        for notification in docs.publish() {
            send(connection, notification.into())?;
        }
        docs.collect_garbage();
    }
    Ok(())
}

fn send(connection: &Connection, message: Message) -> Result<(), String> {
    connection.sender.send(message).map_err(|e| e.to_string())
}

#[cfg(test)]
mod tests {
    use std::time::Duration;

    use lsp_server::{Connection, Message, Notification, Request};
    use serde_json::json;

    use super::{Documents, Encoding, main_loop};

    /// Edits queued while the server is busy are read together: only the latest text is
    /// compiled and published.
    #[test]
    fn a_burst_of_changes_is_compiled_and_published_once() {
        let (server, client) = Connection::memory();
        let uri = "file:///x.policy";
        let open = json!({ "textDocument": { "uri": uri, "languageId": "policy", "version": 1, "text": "" } });
        let send = |m: Message| client.sender.send(m).expect("send");
        send(Notification::new("textDocument/didOpen".into(), open).into());
        for version in 2..=20 {
            let text = format!("policy p{version} {{");
            let change =
                json!({ "textDocument": { "uri": uri, "version": version }, "contentChanges": [{ "text": text }] });
            send(Notification::new("textDocument/didChange".into(), change).into());
        }
        let running = std::thread::spawn(move || main_loop(&server, Documents::new(Encoding::Utf16)));
        let Ok(Message::Notification(published)) = client.receiver.recv_timeout(Duration::from_secs(10)) else {
            panic!("no diagnostics published");
        };
        assert_eq!(published.method, "textDocument/publishDiagnostics");
        assert_eq!(published.params["version"], 20, "{:?}", published.params);
        send(Request::new(1.into(), "shutdown".into(), json!(null)).into());
        let Ok(Message::Response(response)) = client.receiver.recv_timeout(Duration::from_secs(10)) else {
            panic!("no answer to shutdown: an earlier version was published too");
        };
        assert_eq!(response.id, 1.into());
        send(Notification::new("exit".into(), json!(null)).into());
        assert_eq!(running.join().ok(), Some(Ok(())));
    }
}
