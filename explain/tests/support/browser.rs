//! A headless Chromium driven over the DevTools protocol, for testing the offline page as a
//! person sees it. Uses the system's Chromium (Debian's `chromium`); nothing goes to the
//! network.
//!
//! One Chromium serves every test of a test binary: each test opens its own connection and
//! its own page (tab), closed when the test's [`Browser`] is dropped. Every wait is patient
//! (a machine busy with other builds starts and answers slowly) and bounded by
//! [`WAIT_VARIABLE`]; a failure says what the page showed.

use std::io::Write;
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::{Mutex, OnceLock};
use std::time::{Duration, Instant};

use serde_json::{json, Value};
use tungstenite::{Message, WebSocket};

/// Set (to anything) to make a missing browser a failure rather than a skip: CI sets it.
pub const REQUIRE: &str = "OQS_REQUIRE_BROWSER";

/// How many seconds a start, a connection, a command or a page may take before the test
/// fails (default [`DEFAULT_WAIT_SECS`]).
pub const WAIT_VARIABLE: &str = "OQS_BROWSER_WAIT_SECS";

/// Long enough for Chromium on two cores that are busy with a build beside the tests.
pub const DEFAULT_WAIT_SECS: u64 = 120;

/// The longest any one step may take: [`WAIT_VARIABLE`], else [`DEFAULT_WAIT_SECS`].
pub fn patience() -> Duration {
    let seconds = std::env::var(WAIT_VARIABLE)
        .ok()
        .and_then(|text| text.trim().parse::<u64>().ok())
        .filter(|&seconds| seconds > 0)
        .unwrap_or(DEFAULT_WAIT_SECS);
    Duration::from_secs(seconds)
}

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

/// A page to test with, or `None` after saying plainly why the test is skipped (a failure
/// instead when [`REQUIRE`] is set).
pub fn browser_or_skip(test: &str) -> Option<Browser> {
    match chromium() {
        Some(path) => match Browser::open_tab(&path) {
            Ok(browser) => Some(browser),
            Err(e) => panic!("{test}: {e}"),
        },
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

/// The one Chromium of this test binary.
struct Shared {
    /// `ws://127.0.0.1:PORT/devtools/browser/…`.
    endpoint: String,
    /// The watchdog's standard input: held open for the life of the test process. When the
    /// process ends, the pipe closes and the watchdog stops Chromium and deletes its profile.
    _lifeline: Mutex<(Child, std::process::ChildStdin)>,
}

static SHARED: OnceLock<Result<Shared, String>> = OnceLock::new();

/// Runs Chromium in the background until its standard input closes, then stops it and removes
/// its profile: the test harness has no hook at exit, and a statically held browser is never
/// dropped.
const WATCHDOG: &str = r#"
"$@" </dev/null >"$OQS_PROFILE.log" 2>&1 &
browser=$!
cat >/dev/null
kill "$browser" 2>/dev/null
wait "$browser" 2>/dev/null
rm -rf "$OQS_PROFILE" "$OQS_PROFILE.log"
"#;

impl Shared {
    fn get(path: &Path) -> Result<&'static Shared, String> {
        SHARED
            .get_or_init(|| {
                // A machine busy with the other tests can start Chromium slowly, or not at all
                // the first time: once more before failing.
                Shared::launch(path).or_else(|first| {
                    Shared::launch(path).map_err(|second| format!("{first}\nand again: {second}"))
                })
            })
            .as_ref()
            .map_err(Clone::clone)
    }

    fn launch(path: &Path) -> Result<Shared, String> {
        let profile = tempfile::Builder::new()
            .prefix("oqs-chromium-")
            .tempdir()
            .map_err(|e| format!("a profile for Chromium: {e}"))?
            .keep();
        let log = PathBuf::from(format!("{}.log", profile.display()));
        let mut child = Command::new("sh")
            .args(["-c", WATCHDOG, "sh"])
            .arg(path)
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
                // The operating system picks the port; Chromium writes it to its profile.
                "--remote-debugging-port=0",
                "--window-size=1200,1000",
            ])
            .arg(format!("--user-data-dir={}", profile.display()))
            .arg("about:blank")
            .env("OQS_PROFILE", &profile)
            .stdin(Stdio::piped())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .map_err(|e| format!("cannot start {} under sh: {e}", path.display()))?;
        let lifeline = child.stdin.take().ok_or("no stdin for the watchdog")?;
        // Dropped on failure: the pipe closes and the watchdog ends this Chromium.
        let lifeline = Mutex::new((child, lifeline));
        let port_file = profile.join("DevToolsActivePort");
        let wait = patience();
        let started = Instant::now();
        loop {
            // Two lines, the port and the browser's path, written once both are known.
            if let Ok(text) = std::fs::read_to_string(&port_file) {
                let mut lines = text.lines();
                if let (Some(port), Some(browser_path)) = (lines.next(), lines.next()) {
                    if port.trim().parse::<u16>().is_ok() && browser_path.starts_with('/') {
                        return Ok(Shared {
                            endpoint: format!("ws://127.0.0.1:{}{}", port.trim(), browser_path),
                            _lifeline: lifeline,
                        });
                    }
                }
            }
            let exited = lifeline
                .lock()
                .map(|mut guard| matches!(guard.0.try_wait(), Ok(Some(_))))
                .unwrap_or(false);
            if exited || started.elapsed() > wait {
                let said = std::fs::read_to_string(&log).unwrap_or_default();
                let tail: Vec<&str> = said.lines().rev().take(15).collect();
                let tail: Vec<&str> = tail.into_iter().rev().collect();
                return Err(format!(
                    "{} did not open its DevTools port within {wait:?} ({WAIT_VARIABLE} sets the wait); it said:\n{}",
                    path.display(),
                    tail.join("\n")
                ));
            }
            std::thread::sleep(Duration::from_millis(50));
        }
    }
}

/// One page (tab) of the test binary's Chromium, over a connection of its own.
pub struct Browser {
    socket: WebSocket<TcpStream>,
    session: String,
    target: String,
    next_id: u64,
    wait: Duration,
}

impl Browser {
    /// Starts this test binary's Chromium if it is not running yet (a new empty profile),
    /// connects to it and opens a blank page of this test's own.
    pub fn open_tab(path: &Path) -> Result<Browser, String> {
        let shared = Shared::get(path)?;
        let wait = patience();
        let socket = connect(&shared.endpoint, wait)?;
        let mut browser = Browser {
            socket,
            session: String::new(),
            target: String::new(),
            next_id: 0,
            wait,
        };
        let target = browser.call("Target.createTarget", json!({"url": "about:blank"}))?;
        browser.target = target["targetId"].as_str().ok_or("no targetId")?.to_owned();
        let attached = browser.call(
            "Target.attachToTarget",
            json!({"targetId": browser.target, "flatten": true}),
        )?;
        browser.session = attached["sessionId"]
            .as_str()
            .ok_or("no sessionId")?
            .to_owned();
        Ok(browser)
    }

    /// Runs a script at the start of every document opened after, before the page's own.
    pub fn before_each_document(&mut self, source: &str) -> Result<(), String> {
        self.call("Page.enable", json!({}))?;
        self.call(
            "Page.addScriptToEvaluateOnNewDocument",
            json!({ "source": source }),
        )?;
        Ok(())
    }

    /// Sends a command and waits (patiently, bounded) for its answer.
    pub fn call(&mut self, method: &str, params: Value) -> Result<Value, String> {
        self.call_within(method, params, self.wait)
    }

    fn call_within(
        &mut self,
        method: &str,
        params: Value,
        wait: Duration,
    ) -> Result<Value, String> {
        self.next_id += 1;
        let id = self.next_id;
        let mut message = json!({"id": id, "method": method, "params": params});
        if !self.session.is_empty() {
            message["sessionId"] = json!(self.session);
        }
        let deadline = Instant::now() + wait;
        let mut pending = Some(Message::text(message.to_string()));
        loop {
            // A write that would block is queued by tungstenite and flushed by a later call.
            let sent = match pending.take() {
                Some(message) => self.socket.send(message),
                None => self.socket.flush(),
            };
            match sent {
                Ok(()) => break,
                Err(e) if would_block(&e) && Instant::now() < deadline => continue,
                Err(e) => return Err(format!("{method}: sending: {e}")),
            }
        }
        while Instant::now() < deadline {
            let text = match self.socket.read() {
                Ok(Message::Text(text)) => text,
                Ok(_) => continue,
                Err(e) if would_block(&e) => continue,
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
        Err(format!(
            "{method}: no answer within {wait:?} ({WAIT_VARIABLE} sets the wait)"
        ))
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

    /// The row references (`015-2`) of the rows a person sees, in order: shown, visible,
    /// not transparent, with a height.
    pub fn visible_rows(&mut self) -> Vec<String> {
        let value = self
            .eval(
                "[...document.querySelectorAll('article.row')]\
                 .filter(e => e.checkVisibility({opacityProperty: true, visibilityProperty: true}) && e.getBoundingClientRect().height > 0)\
                 .map(e => e.querySelector('.ref').innerText)",
            )
            .unwrap();
        serde_json::from_value(value).unwrap()
    }

    /// What a person reads in the first element a selector finds (`""` where none is).
    pub fn text_of(&mut self, selector: &str) -> String {
        let expression = format!(
            "(e => e ? e.innerText : '')(document.querySelector({}))",
            json!(selector)
        );
        self.eval(&expression)
            .unwrap()
            .as_str()
            .unwrap_or("")
            .to_owned()
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
        let deadline = Instant::now() + self.wait;
        while Instant::now() < deadline {
            // Between documents the evaluation can fail; that is not yet ready.
            if self.eval(ready).ok() == Some(json!(true)) {
                return Ok(());
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        let (wait, shown) = (self.wait, self.what_the_page_shows());
        Err(format!(
            "{url} was not ready within {wait:?} ({WAIT_VARIABLE} sets the wait); the page showed: {shown}"
        ))
    }

    /// Where the page is, how far it loaded, and the start of its visible text: what a
    /// failure says.
    pub fn what_the_page_shows(&mut self) -> String {
        let expression =
            "JSON.stringify({location: location.href, readyState: document.readyState, \
            ready: document.documentElement.dataset.ready || null, \
            text: (document.body ? document.body.innerText : '').slice(0, 400)})";
        match self.eval(expression) {
            Ok(Value::String(text)) => text,
            Ok(other) => other.to_string(),
            Err(e) => format!("(the page could not be read: {e})"),
        }
    }

    /// A PNG of the viewport.
    pub fn screenshot(&mut self) -> Result<Vec<u8>, String> {
        let shot = self.call("Page.captureScreenshot", json!({"format": "png"}))?;
        let data = shot["data"].as_str().ok_or("no screenshot data")?;
        base64_decode(data)
    }

    /// Clicks the first element a selector finds, as a person does: scrolled into view, a
    /// mouse press and release at its middle (a user gesture, which the clipboard needs).
    pub fn click(&mut self, selector: &str) -> Result<(), String> {
        let expression = format!(
            "(() => {{ const e = document.querySelector({}); if (!e) return null;              e.scrollIntoView({{block: 'center'}}); const r = e.getBoundingClientRect();              return [r.left + r.width / 2, r.top + r.height / 2]; }})()",
            json!(selector)
        );
        let at = self.eval(&expression)?;
        let (Some(x), Some(y)) = (at[0].as_f64(), at[1].as_f64()) else {
            return Err(format!("nothing to click: {selector}"));
        };
        for kind in ["mousePressed", "mouseReleased"] {
            self.call(
                "Input.dispatchMouseEvent",
                json!({"type": kind, "x": x, "y": y, "button": "left", "clickCount": 1}),
            )?;
        }
        Ok(())
    }

    /// Emulates a screen of this size in CSS pixels (`mobile`: a phone's, its viewport
    /// meta tag obeyed).
    pub fn set_screen(&mut self, width: u32, height: u32, mobile: bool) -> Result<(), String> {
        self.call(
            "Emulation.setDeviceMetricsOverride",
            json!({"width": width, "height": height, "deviceScaleFactor": if mobile { 3 } else { 1 }, "mobile": mobile}),
        )
        .map(|_| ())
    }

    /// Emulates the system's colour scheme (`dark` or `light`) for `prefers-color-scheme`.
    pub fn set_color_scheme(&mut self, scheme: &str) -> Result<(), String> {
        self.call(
            "Emulation.setEmulatedMedia",
            json!({"features": [{"name": "prefers-color-scheme", "value": scheme}]}),
        )
        .map(|_| ())
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
        // The shared Chromium goes on for the other tests: close this test's page only.
        if !self.target.is_empty() {
            self.session.clear();
            let target = std::mem::take(&mut self.target);
            let _ = self.call_within(
                "Target.closeTarget",
                json!({"targetId": target}),
                Duration::from_secs(10),
            );
        }
        let _ = self.socket.close(None);
        let _ = self.socket.flush();
    }
}

fn would_block(error: &tungstenite::Error) -> bool {
    matches!(error, tungstenite::Error::Io(e)
        if matches!(e.kind(), std::io::ErrorKind::WouldBlock | std::io::ErrorKind::TimedOut))
}

/// A WebSocket to the browser, retried until it answers or `wait` has passed: the port is
/// open before the browser serves it, and a busy machine answers the handshake late.
fn connect(endpoint: &str, wait: Duration) -> Result<WebSocket<TcpStream>, String> {
    let address = endpoint
        .strip_prefix("ws://")
        .and_then(|rest| rest.split('/').next())
        .ok_or_else(|| format!("unexpected DevTools address {endpoint}"))?
        .to_owned();
    let deadline = Instant::now() + wait;
    let mut last_error = String::new();
    while Instant::now() < deadline {
        match handshake(endpoint, &address, deadline) {
            Ok(socket) => return Ok(socket),
            Err(e) => last_error = e,
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    Err(format!(
        "{endpoint}: no connection within {wait:?} ({WAIT_VARIABLE} sets the wait): {last_error}"
    ))
}

fn handshake(
    endpoint: &str,
    address: &str,
    deadline: Instant,
) -> Result<WebSocket<TcpStream>, String> {
    let stream = TcpStream::connect(address).map_err(|e| format!("{address}: {e}"))?;
    // Short reads let every wait below keep its own deadline; an interrupted handshake is
    // resumed, not failed.
    stream
        .set_read_timeout(Some(Duration::from_millis(250)))
        .map_err(|e| e.to_string())?;
    let mut attempt = tungstenite::client(endpoint, stream);
    loop {
        match attempt {
            Ok((socket, _)) => return Ok(socket),
            Err(tungstenite::HandshakeError::Interrupted(midway)) if Instant::now() < deadline => {
                attempt = midway.handshake();
            }
            Err(tungstenite::HandshakeError::Interrupted(_)) => {
                return Err(format!("{endpoint}: the handshake did not finish in time"))
            }
            Err(tungstenite::HandshakeError::Failure(e)) => return Err(format!("{endpoint}: {e}")),
        }
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
