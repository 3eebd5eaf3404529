//! A real OpenID provider on loopback for the strong-identification tests:
//! `tests/support/oidc_provider.mjs` runs oidc-provider (from npm, installed by `.ci/run`
//! into the folder `VALINTA_OIDC_PROVIDER_MODULES` names). Where it is not installed the
//! tests are skipped with a note, unless `VALINTA_REQUIRE_OIDC_PROVIDER=1` (as in CI).
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};

const SCRIPT: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../tests/support/oidc_provider.mjs"
);

/// The client registered with `client_secret_basic`.
pub const BASIC_CLIENT: (&str, &str) = ("valinta-basic", "valinta-basic-secret-for-tests");
/// The client registered with `private_key_jwt`.
pub const JWT_CLIENT: &str = "valinta-jwt";

pub struct OidcProvider {
    pub issuer: String,
    /// The `private_key_jwt` client's RSA private key (PEM), made by the provider script.
    pub key_file: PathBuf,
    child: Child,
    _dir: tempfile::TempDir,
}

fn modules_dir() -> Option<PathBuf> {
    let dir = match std::env::var("VALINTA_OIDC_PROVIDER_MODULES") {
        Ok(dir) if !dir.is_empty() => PathBuf::from(dir),
        _ => PathBuf::from(std::env::var("HOME").ok()?)
            .join(".cache/valinta-oidc-provider/node_modules"),
    };
    dir.join("oidc-provider/package.json")
        .is_file()
        .then_some(dir)
}

impl OidcProvider {
    /// The provider, or `None` (after a note) where it is not installed and not required.
    pub fn start() -> Option<OidcProvider> {
        let required = std::env::var("VALINTA_REQUIRE_OIDC_PROVIDER").is_ok_and(|v| v == "1");
        let Some(modules) = modules_dir() else {
            assert!(
                !required,
                "VALINTA_REQUIRE_OIDC_PROVIDER=1 but oidc-provider is not installed: set \
                 VALINTA_OIDC_PROVIDER_MODULES to a node_modules folder holding it (.ci/run does)"
            );
            eprintln!(
                "note: skipping an OpenID Connect test: oidc-provider is not installed \
                 (npm install --prefix ~/.cache/valinta-oidc-provider oidc-provider, or see .ci/run)"
            );
            return None;
        };
        Some(Self::launch(&modules))
    }

    fn launch(modules: &Path) -> OidcProvider {
        let dir = tempfile::Builder::new()
            .prefix("valinta-oidc-")
            .tempdir()
            .expect("temp dir for the OpenID provider");
        let key_file = dir.path().join("client-key.pem");
        let mut child = Command::new("node")
            .arg(SCRIPT)
            .arg("--modules")
            .arg(modules)
            .arg("--key-out")
            .arg(&key_file)
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("node must be installed for the OpenID Connect tests");
        let stdout = child.stdout.take().expect("piped stdout");
        let mut reader = BufReader::new(stdout);
        let mut line = String::new();
        reader
            .read_line(&mut line)
            .expect("read the OpenID provider's first line");
        // Keep draining: the provider writes notices later, and a closed pipe would kill it.
        std::thread::spawn(move || std::io::copy(&mut reader, &mut std::io::sink()));
        let issuer = line
            .trim()
            .strip_prefix("ISSUER ")
            .unwrap_or_else(|| panic!("the OpenID provider did not start: {line:?}"))
            .to_owned();
        OidcProvider {
            issuer,
            key_file,
            child,
            _dir: dir,
        }
    }

    /// Server settings for the client that authenticates with its secret.
    pub fn basic_env(&self) -> Vec<(String, String)> {
        vec![
            ("VALINTA_OIDC_ISSUER".into(), self.issuer.clone()),
            ("VALINTA_OIDC_CLIENT_ID".into(), BASIC_CLIENT.0.into()),
            ("VALINTA_OIDC_CLIENT_SECRET".into(), BASIC_CLIENT.1.into()),
        ]
    }

    /// Server settings for the client that signs a JWT with its private key.
    pub fn jwt_env(&self) -> Vec<(String, String)> {
        vec![
            ("VALINTA_OIDC_ISSUER".into(), self.issuer.clone()),
            ("VALINTA_OIDC_CLIENT_ID".into(), JWT_CLIENT.into()),
            (
                "VALINTA_OIDC_PRIVATE_KEY_FILE".into(),
                self.key_file.display().to_string(),
            ),
        ]
    }
}

impl Drop for OidcProvider {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}
