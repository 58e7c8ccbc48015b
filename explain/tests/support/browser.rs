//! A headless Chromium driven over the DevTools protocol, for testing the offline page as a
//! person sees it. Uses the system's Chromium (Debian's `chromium`); every wait is bounded
//! and nothing goes to the network.

use std::io::{BufRead, BufReader, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use serde_json::{json, Value};
use tungstenite::{Message, WebSocket};

/// Set (to anything) to make a missing browser a failure rather than a skip: CI sets it.
pub const REQUIRE: &str = "OQS_REQUIRE_BROWSER";

const WAIT: Duration = Duration::from_secs(20);

/// The Chromium on this machine, if any.
pub fn chromium() -> Option<PathBuf> {
    if let Some(path) = std::env::var_os("CHROMIUM") {
        return Some(PathBuf::from(path));
    }
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .flat_map(|dir| {
            [
                "chromium",
                "chromium-browser",
                "google-chrome",
                "google-chrome-stable",
            ]
            .map(|name| dir.join(name))
        })
        .find(|candidate| candidate.is_file())
}

/// A browser to test with, or `None` after saying plainly why the test is skipped (a
/// failure instead when [`REQUIRE`] is set).
pub fn browser_or_skip(test: &str) -> Option<Browser> {
    match chromium() {
        // A machine busy with the other tests can start Chromium slowly: once more before
        // failing.
        Some(path) => Some(
            Browser::launch(&path)
                .or_else(|_| Browser::launch(&path))
                .unwrap_or_else(|e| panic!("{e}")),
        ),
        None if std::env::var_os(REQUIRE).is_some() => {
            panic!("{test}: no Chromium found, and {REQUIRE} is set: install it (apt-get install -y chromium)")
        }
        None => {
            // Straight to stderr, past the test harness's capture: a skip must be seen.
            let _ = writeln!(
                std::io::stderr(),
                "skipped: {test}: no Chromium on this machine (apt-get install -y chromium, or set CHROMIUM); \
                 CI installs it and sets {REQUIRE} so that it never skips"
            );
            None
        }
    }
}

/// One headless Chromium with one page.
pub struct Browser {
    child: Child,
    socket: WebSocket<TcpStream>,
    session: String,
    next_id: u64,
    _profile: tempfile::TempDir,
}

impl Browser {
    /// Starts Chromium with a new empty profile and opens a blank page.
    pub fn launch(path: &Path) -> Result<Browser, String> {
        let profile = tempfile::tempdir().map_err(|e| e.to_string())?;
        let mut child = Command::new(path)
            .args([
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--disable-extensions",
                "--remote-debugging-port=0",
                "--window-size=1200,1000",
            ])
            .arg(format!("--user-data-dir={}", profile.path().display()))
            .arg("about:blank")
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .map_err(|e| format!("cannot start {}: {e}", path.display()))?;
        let stderr = child.stderr.take().ok_or("no stderr")?;
        let (sender, receiver) = mpsc::channel();
        std::thread::spawn(move || {
            for line in BufReader::new(stderr).lines().map_while(Result::ok) {
                if let Some(url) = line.strip_prefix("DevTools listening on ") {
                    let _ = sender.send(url.trim().to_owned());
                }
            }
        });
        let url = match receiver.recv_timeout(WAIT) {
            Ok(url) => url,
            Err(_) => {
                let _ = child.kill();
                return Err(format!(
                    "{} did not open its DevTools port within {WAIT:?}",
                    path.display()
                ));
            }
        };
        let address = url
            .strip_prefix("ws://")
            .and_then(|rest| rest.split('/').next())
            .ok_or_else(|| format!("unexpected DevTools address {url}"))?
            .to_owned();
        let stream = TcpStream::connect(&address).map_err(|e| format!("{address}: {e}"))?;
        stream
            .set_read_timeout(Some(Duration::from_millis(500)))
            .map_err(|e| e.to_string())?;
        let (socket, _) =
            tungstenite::client(url.as_str(), stream).map_err(|e| format!("{url}: {e}"))?;
        let mut browser = Browser {
            child,
            socket,
            session: String::new(),
            next_id: 0,
            _profile: profile,
        };
        let target = browser.call("Target.createTarget", json!({"url": "about:blank"}))?;
        let target_id = target["targetId"].as_str().ok_or("no targetId")?.to_owned();
        let attached = browser.call(
            "Target.attachToTarget",
            json!({"targetId": target_id, "flatten": true}),
        )?;
        browser.session = attached["sessionId"]
            .as_str()
            .ok_or("no sessionId")?
            .to_owned();
        Ok(browser)
    }

    /// Sends a command and waits (bounded) for its answer.
    pub fn call(&mut self, method: &str, params: Value) -> Result<Value, String> {
        self.next_id += 1;
        let id = self.next_id;
        let mut message = json!({"id": id, "method": method, "params": params});
        if !self.session.is_empty() {
            message["sessionId"] = json!(self.session);
        }
        self.socket
            .send(Message::text(message.to_string()))
            .map_err(|e| format!("{method}: {e}"))?;
        let deadline = Instant::now() + WAIT;
        while Instant::now() < deadline {
            let text = match self.socket.read() {
                Ok(Message::Text(text)) => text,
                Ok(_) => continue,
                Err(tungstenite::Error::Io(e))
                    if matches!(
                        e.kind(),
                        std::io::ErrorKind::WouldBlock | std::io::ErrorKind::TimedOut
                    ) =>
                {
                    continue
                }
                Err(e) => return Err(format!("{method}: {e}")),
            };
            let reply: Value = serde_json::from_str(text.as_str()).map_err(|e| e.to_string())?;
            if reply["id"].as_u64() == Some(id) {
                if let Some(error) = reply.get("error") {
                    return Err(format!("{method}: {error}"));
                }
                return Ok(reply["result"].clone());
            }
        }
        Err(format!("{method}: no answer within {WAIT:?}"))
    }

    /// Evaluates a JavaScript expression in the page and returns its value.
    pub fn eval(&mut self, expression: &str) -> Result<Value, String> {
        let result = self.call(
            "Runtime.evaluate",
            json!({"expression": expression, "returnByValue": true, "awaitPromise": true}),
        )?;
        if let Some(exception) = result.get("exceptionDetails") {
            return Err(format!("{expression}: {exception}"));
        }
        Ok(result["result"]["value"].clone())
    }

    /// Opens a URL and waits until the page says it is ready (`data-ready` on `<html>`).
    /// A blank page comes first, so that the readiness seen is the new page's.
    pub fn open(&mut self, url: &str) -> Result<(), String> {
        self.navigate_and_wait("about:blank", "location.href === 'about:blank'")?;
        self.navigate_and_wait(
            url,
            "document.readyState === 'complete' && document.documentElement.dataset.ready === '1'",
        )
    }

    fn navigate_and_wait(&mut self, url: &str, ready: &str) -> Result<(), String> {
        self.call("Page.navigate", json!({"url": url}))?;
        let deadline = Instant::now() + WAIT;
        while Instant::now() < deadline {
            // Between documents the evaluation can fail; that is not yet ready.
            if self.eval(ready).ok() == Some(json!(true)) {
                return Ok(());
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        Err(format!("{url} was not ready within {WAIT:?}"))
    }

    /// A PNG of the viewport.
    pub fn screenshot(&mut self) -> Result<Vec<u8>, String> {
        let shot = self.call("Page.captureScreenshot", json!({"format": "png"}))?;
        let data = shot["data"].as_str().ok_or("no screenshot data")?;
        base64_decode(data)
    }

    /// The page printed as a PDF on A4 paper.
    pub fn print_a4(&mut self) -> Result<Vec<u8>, String> {
        let pdf = self.call(
            "Page.printToPDF",
            json!({"paperWidth": 8.27, "paperHeight": 11.69, "preferCSSPageSize": true}),
        )?;
        let data = pdf["data"].as_str().ok_or("no PDF data")?;
        base64_decode(data)
    }
}

impl Drop for Browser {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn base64_decode(text: &str) -> Result<Vec<u8>, String> {
    let value = |c: u8| -> Result<u32, String> {
        Ok(match c {
            b'A'..=b'Z' => c - b'A',
            b'a'..=b'z' => c - b'a' + 26,
            b'0'..=b'9' => c - b'0' + 52,
            b'+' => 62,
            b'/' => 63,
            _ => return Err(format!("not base64: {}", c as char)),
        } as u32)
    };
    let bytes: Vec<u8> = text
        .bytes()
        .filter(|&b| b != b'=' && !b.is_ascii_whitespace())
        .collect();
    let mut out = Vec::with_capacity(bytes.len() * 3 / 4);
    for chunk in bytes.chunks(4) {
        let mut n = 0u32;
        for (i, &c) in chunk.iter().enumerate() {
            n |= value(c)? << (18 - 6 * i);
        }
        out.push((n >> 16) as u8);
        if chunk.len() > 2 {
            out.push((n >> 8) as u8);
        }
        if chunk.len() > 3 {
            out.push(n as u8);
        }
    }
    Ok(out)
}
