//! `seatctl completions SHELL`: completion scripts, also committed under `completions/`.

use clap::Args;
use clap_complete::Shell;
use serde::Serialize;

use crate::output::{Render, Ui};

#[derive(Debug, Args)]
pub struct CompletionsArgs {
    /// Shell to generate for
    #[arg(value_enum)]
    pub shell: Shell,
}

#[derive(Debug, Serialize)]
pub struct Completions {
    pub shell: String,
    pub script: String,
}

impl Render for Completions {
    fn human(&self, _ui: &Ui) -> String {
        self.script.clone()
    }
}

/// The script for `shell`, byte for byte what `completions/` holds.
pub fn script(shell: Shell) -> String {
    let mut buf = Vec::new();
    clap_complete::generate(shell, &mut crate::cli::command(), "seatctl", &mut buf);
    String::from_utf8_lossy(&buf).into_owned()
}

/// The file name each shell expects, under `completions/`.
pub fn file_name(shell: Shell) -> &'static str {
    match shell {
        Shell::Bash => "seatctl.bash",
        Shell::Zsh => "_seatctl",
        Shell::Fish => "seatctl.fish",
        Shell::PowerShell => "_seatctl.ps1",
        Shell::Elvish => "seatctl.elv",
        _ => "seatctl.completion",
    }
}

impl CompletionsArgs {
    pub fn run(self) -> Completions {
        Completions {
            shell: self.shell.to_string(),
            script: script(self.shell),
        }
    }
}
