//! A real SMTP server on loopback for the email tests: `tests/support/smtp_server.py`
//! (aiosmtpd) writes each message it accepts to a folder, and refuses on demand (a
//! `control.json` in that folder) so tests can play a server that says "try later" or
//! "never". Messages are read back and parsed as MIME with mail-parser.
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use mail_parser::{MessageParser, MimeHeaders};

const SCRIPT: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../tests/support/smtp_server.py"
);

pub struct SmtpServer {
    pub port: u16,
    child: Option<Child>,
    dir: tempfile::TempDir,
}

/// One message as it arrived.
#[derive(Clone, Debug)]
pub struct Received {
    pub message_id: String,
    pub to: String,
    pub subject: String,
    pub language: String,
    pub text: String,
    pub html: String,
    /// The MIME type of the top part and of each sub-part, e.g.
    /// `["multipart/alternative", "text/plain", "text/html"]`.
    pub structure: Vec<String>,
}

impl SmtpServer {
    pub fn start() -> SmtpServer {
        let dir = tempfile::Builder::new()
            .prefix("valinta-smtp-")
            .tempdir()
            .expect("temp dir for the SMTP server");
        let mut server = SmtpServer {
            port: 0,
            child: None,
            dir,
        };
        server.launch(0);
        server
    }

    fn launch(&mut self, port: u16) {
        let mut child = Command::new("python3")
            .arg(SCRIPT)
            .args(["--port", &port.to_string(), "--dir"])
            .arg(self.dir.path())
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .expect("python3 must be installed for the SMTP tests (.ci/run installs aiosmtpd)");
        let stdout = child.stdout.take().expect("piped stdout");
        let mut line = String::new();
        BufReader::new(stdout)
            .read_line(&mut line)
            .expect("read the SMTP server's first line");
        let port = line
            .trim()
            .strip_prefix("LISTENING ")
            .and_then(|p| p.parse::<u16>().ok())
            .unwrap_or_else(|| {
                panic!("the SMTP server did not start (is aiosmtpd installed?): {line:?}")
            });
        self.port = port;
        self.child = Some(child);
    }

    pub fn url(&self) -> String {
        format!("smtp://127.0.0.1:{}", self.port)
    }

    /// Stops the server: connections are refused until [`SmtpServer::resume`].
    pub fn stop(&mut self) {
        if let Some(mut child) = self.child.take() {
            let _ = child.kill();
            let _ = child.wait();
        }
    }

    /// Starts the server again on the same port.
    pub fn resume(&mut self) {
        let port = self.port;
        let deadline = Instant::now() + Duration::from_secs(20);
        loop {
            // The port may linger for a moment after the kill.
            if std::net::TcpListener::bind(("127.0.0.1", port)).is_ok() || Instant::now() > deadline
            {
                break;
            }
            std::thread::sleep(Duration::from_millis(200));
        }
        self.launch(port);
    }

    /// Refuses the next `times` transactions (all, when None) with this reply.
    pub fn refuse(&self, code: u16, message: &str, times: Option<u32>) {
        let mut refuse = serde_json::json!({"code": code, "message": message});
        if let Some(times) = times {
            refuse["times"] = times.into();
        }
        std::fs::write(
            self.dir.path().join("control.json"),
            serde_json::json!({ "refuse": refuse }).to_string(),
        )
        .expect("write control.json");
    }

    pub fn accept_all(&self) {
        let _ = std::fs::remove_file(self.dir.path().join("control.json"));
    }

    pub fn received(&self) -> Vec<Received> {
        let mut files: Vec<PathBuf> = std::fs::read_dir(self.dir.path())
            .map(|d| {
                d.filter_map(|e| e.ok().map(|e| e.path()))
                    .filter(|p| p.extension().is_some_and(|x| x == "eml"))
                    .collect()
            })
            .unwrap_or_default();
        // Numbered in arrival order: 1.eml, 2.eml, …
        files.sort_by_key(|f| {
            f.file_stem()
                .and_then(|s| s.to_str())
                .and_then(|s| s.parse::<u64>().ok())
                .unwrap_or(u64::MAX)
        });
        files.iter().map(|f| parse(f)).collect()
    }

    /// Waits until at least `n` messages arrived (or the time is up) and returns them all.
    pub async fn wait_for(&self, n: usize, within: Duration) -> Vec<Received> {
        let deadline = Instant::now() + within;
        loop {
            let got = self.received();
            if got.len() >= n || Instant::now() > deadline {
                return got;
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }
}

impl Drop for SmtpServer {
    fn drop(&mut self) {
        self.stop();
    }
}

fn parse(file: &Path) -> Received {
    let bytes = std::fs::read(file).expect("read a received message");
    let message = MessageParser::default()
        .parse(&bytes)
        .unwrap_or_else(|| panic!("{} is not a MIME message", file.display()));
    let structure = message
        .parts
        .iter()
        .map(|p| {
            p.content_type()
                .map(|c| match c.subtype() {
                    Some(sub) => format!("{}/{}", c.ctype(), sub),
                    None => c.ctype().to_string(),
                })
                .unwrap_or_default()
        })
        .collect();
    let to = message
        .to()
        .and_then(|a| a.first())
        .and_then(|a| a.address())
        .unwrap_or_default()
        .to_owned();
    Received {
        message_id: message.message_id().unwrap_or_default().to_owned(),
        to,
        subject: message.subject().unwrap_or_default().to_owned(),
        language: message
            .header_raw("Content-Language")
            .unwrap_or_default()
            .trim()
            .to_owned(),
        text: message
            .body_text(0)
            .map(|t| t.into_owned())
            .unwrap_or_default(),
        html: message
            .body_html(0)
            .map(|t| t.into_owned())
            .unwrap_or_default(),
        structure,
    }
}
