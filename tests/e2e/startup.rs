//! Configuration is validated at start: a bad value stops the program with a message that
//! names it, before anything listens.
use std::process::Command;

pub(crate) fn start_with(env: &[(&str, &str)], args: &[&str]) -> (bool, String) {
    let dir = tempfile::tempdir().expect("temp dir");
    let output = Command::new(env!("CARGO_BIN_EXE_valinta"))
        .arg("serve")
        .arg("--data-dir")
        .arg(dir.path())
        .args(args)
        .env_remove("DATABASE_URL")
        .env_remove("VALINTA_SECRET_KEY")
        .env_remove("VALINTA_ADMIN_EMAIL")
        .env_remove("VALINTA_ADMIN_PASSWORD")
        .envs(env.iter().copied())
        .output()
        .expect("run valinta");
    (
        output.status.success(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

/// Environment, extra flags, and the setting the error message must name.
type Case<'a> = (&'a [(&'a str, &'a str)], &'a [&'a str], &'a str);

#[test]
fn bad_settings_stop_the_server_with_a_message_naming_them() {
    let cases: [Case; 6] = [
        (&[], &["--addr", "not-an-address"], "VALINTA_ADDR"),
        (
            &[("VALINTA_TOKEN_TTL_HOURS", "0")],
            &[],
            "VALINTA_TOKEN_TTL_HOURS",
        ),
        (
            &[("VALINTA_ADMIN_EMAIL", "admin@example.fi")],
            &[],
            "VALINTA_ADMIN_PASSWORD",
        ),
        (
            &[
                ("VALINTA_ADMIN_EMAIL", "admin@example.fi"),
                ("VALINTA_ADMIN_PASSWORD", "short"),
            ],
            &[],
            "VALINTA_ADMIN_PASSWORD",
        ),
        (
            &[("DATABASE_URL", "postgres://root@127.0.0.1:5432/test")],
            &[],
            "VALINTA_SECRET_KEY",
        ),
        (
            &[("DATABASE_URL", "mysql://localhost/x")],
            &[],
            "DATABASE_URL",
        ),
    ];
    for (env, args, named) in cases {
        let (ok, stderr) = start_with(env, args);
        assert!(!ok, "{env:?} {args:?} should not start");
        assert!(
            stderr.contains(named),
            "{env:?} {args:?}: the message should name {named}: {stderr}"
        );
    }
}
