//! `seatctl man [COMMAND]`: the manual page (roff), generated from the same definitions as
//! `--help`, so it never drifts. `seatctl man | man -l -` reads it.

use clap::Args;
use serde::Serialize;

use crate::cli;
use crate::error::{Error, Result};
use crate::output::{Render, Ui};

#[derive(Debug, Args)]
pub struct ManArgs {
    /// A command's page instead of the main one, at any depth (e.g. `simulate`, `event create`)
    pub command: Vec<String>,
}

#[derive(Debug, Serialize)]
pub struct ManPage {
    pub name: String,
    pub roff: String,
}

impl Render for ManPage {
    fn human(&self, _ui: &Ui) -> String {
        self.roff.clone()
    }
}

impl ManArgs {
    /// The page of `seatctl`, or of the command path given. Errors: exit 2 for a command that
    /// does not exist (with a "did you mean" and the commands at that level).
    pub fn run(self) -> Result<ManPage> {
        // Built first, so every subcommand carries the global options it accepts.
        let mut cmd = cli::command();
        cmd.build();
        let mut name = "seatctl".to_string();
        for sub in &self.command {
            let names: Vec<String> = cmd
                .get_subcommands()
                .filter(|c| !c.is_hide_set())
                .map(|c| c.get_name().to_string())
                .collect();
            let found = cmd.find_subcommand(sub).cloned().ok_or_else(|| {
                let hint = crate::domain::suggest(sub, names.iter().map(String::as_str))
                    .map(|s| format!("did you mean `{s}`? "))
                    .unwrap_or_default();
                let within = name.replace('-', " ");
                if names.is_empty() {
                    Error::invalid(format!("`{within}` has no subcommands (no `{sub}`)"))
                } else {
                    Error::invalid(format!(
                        "no command `{within} {sub}`; {hint}commands: {}",
                        names.join(", ")
                    ))
                }
            })?;
            name = format!("{name}-{}", found.get_name());
            cmd = found;
        }
        // NAME and SYNOPSIS say the whole command as it is typed (`seatctl event create`),
        // and the page its version.
        // (clap takes a static name here: one small string for the life of this one-shot
        // process.)
        let typed: &'static str = Box::leak(name.replace('-', " ").into_boxed_str());
        let cmd = cmd
            .name(typed)
            .bin_name(typed)
            .version(env!("CARGO_PKG_VERSION"));
        let mut buf = Vec::new();
        clap_mangen::Man::new(cmd)
            .title(name.clone())
            .render(&mut buf)
            .map_err(|e| Error::Internal(anyhow::anyhow!("cannot render the man page: {e}")))?;
        Ok(ManPage {
            name,
            roff: String::from_utf8_lossy(&buf).into_owned(),
        })
    }
}
