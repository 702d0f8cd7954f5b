//! The box office's prompt plumbing: questions on the terminal (dialoguer, on stderr) and the
//! Ctrl-C rule: noted at any time, acted on at the next prompt, never in the middle of a change.

use std::sync::atomic::Ordering;

use dialoguer::theme::Theme;
use dialoguer::{Confirm, Input, Select};

use super::Desk;
use crate::error::{Error, Result};

impl Desk<'_> {
    pub(super) fn say(&self, text: &str) {
        let _ = self.term.write_line(text);
    }

    pub(super) fn warn(&self, err: &Error) {
        let style = console::Style::new().red().force_styling(self.ctx.ui.color);
        self.say(&style.apply_to(format!("! {err}")).to_string());
    }

    /// Runs a blocking prompt. Ctrl-C (in the prompt or before it) ends the session.
    pub(super) fn ask<T>(
        &self,
        prompt: impl FnOnce(&dyn Theme) -> dialoguer::Result<T>,
    ) -> Result<T> {
        self.check_interrupt()?;
        let answer = tokio::task::block_in_place(|| prompt(&*self.theme));
        match answer {
            Ok(v) => {
                self.check_interrupt()?;
                Ok(v)
            }
            Err(dialoguer::Error::IO(e)) if e.kind() == std::io::ErrorKind::Interrupted => {
                Err(interrupted())
            }
            Err(e) => Err(Error::Unavailable(format!(
                "cannot read from the terminal: {e}"
            ))),
        }
    }

    fn check_interrupt(&self) -> Result<()> {
        if self.interrupted.load(Ordering::SeqCst) {
            return Err(interrupted());
        }
        Ok(())
    }

    pub(super) fn select(&self, prompt: &str, items: &[String]) -> Result<Option<usize>> {
        self.ask(|theme| {
            Select::with_theme(theme)
                .with_prompt(prompt)
                .items(items)
                .default(0)
                .interact_on_opt(&self.term)
        })
    }

    pub(super) fn input(&self, prompt: &str) -> Result<String> {
        self.ask(|theme| {
            Input::<String>::with_theme(theme)
                .with_prompt(prompt)
                .allow_empty(true)
                .interact_text_on(&self.term)
        })
        .map(|s| s.trim().to_string())
    }

    pub(super) fn confirm(&self, prompt: &str, default: bool) -> Result<bool> {
        self.ask(|theme| {
            Confirm::with_theme(theme)
                .with_prompt(prompt)
                .default(default)
                .interact_on_opt(&self.term)
        })
        .map(|a| a.unwrap_or(false))
    }
}

fn interrupted() -> Error {
    Error::Interrupted("interrupted: nothing is left half-done".into())
}
