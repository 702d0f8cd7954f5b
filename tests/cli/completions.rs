//! The committed completion scripts must match what the binary generates.
//! Regenerate with: `for s in bash zsh fish powershell; do ...` (see README) or
//! `UPDATE_COMPLETIONS=1 cargo test completions`.

use crate::common::Env;

#[test]
fn committed_completions_are_fresh() {
    let env = Env::sqlite();
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("completions");
    let update = std::env::var_os("UPDATE_COMPLETIONS").is_some();
    for (shell, file) in [
        ("bash", "seatctl.bash"),
        ("zsh", "_seatctl"),
        ("fish", "seatctl.fish"),
        ("powershell", "_seatctl.ps1"),
    ] {
        let generated = env.ok(&["completions", shell]);
        assert!(generated.contains("seatctl"), "{shell}: {generated}");
        let path = dir.join(file);
        if update {
            std::fs::write(&path, &generated).unwrap();
            continue;
        }
        let committed = std::fs::read_to_string(&path).unwrap_or_default();
        assert!(
            committed == generated,
            "completions/{file} is stale: run `UPDATE_COMPLETIONS=1 cargo test completions` and commit it"
        );
    }
}
