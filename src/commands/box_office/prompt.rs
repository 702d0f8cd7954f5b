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

    /// A menu under a status line that is redrawn every second (a hold's time left counting
    /// down) while it waits for a key: ↑/↓ (or j/k, or the item's number) to move, Enter to
    /// choose, Esc or q to back out (`None`), Ctrl-C to end the session. Raw mode only while
    /// it waits (crossterm); what was chosen stays on screen as `prompt · item`.
    pub(super) fn select_counting(
        &self,
        status: &dyn Fn() -> String,
        prompt: &str,
        items: &[String],
    ) -> Result<Option<usize>> {
        self.check_interrupt()?;
        let answer = tokio::task::block_in_place(|| self.counting_menu(status, prompt, items));
        match answer {
            Ok(v) => {
                self.check_interrupt()?;
                Ok(v)
            }
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => Err(interrupted()),
            Err(e) => Err(Error::Unavailable(format!(
                "cannot read from the terminal: {e}"
            ))),
        }
    }

    fn counting_menu(
        &self,
        status: &dyn Fn() -> String,
        prompt: &str,
        items: &[String],
    ) -> std::io::Result<Option<usize>> {
        use crossterm::event::{self, Event, KeyCode, KeyEventKind, KeyModifiers};
        /// Leaves raw mode and shows the cursor again however the menu ends.
        struct Cooked<'a>(&'a console::Term);
        impl Drop for Cooked<'_> {
            fn drop(&mut self) {
                let _ = crossterm::terminal::disable_raw_mode();
                let _ = self.0.show_cursor();
            }
        }
        let lines = items.len() + 2;
        // Each line kept to one screen line (cut with …): the redraw moves up by lines, and a
        // wrapped line would leave its copies behind.
        let cols = (self.term.size().1 as usize).saturating_sub(1).max(20);
        let fit = |line: &str| console::truncate_str(line, cols, "…").into_owned();
        let draw = |chosen: usize, again: bool| -> std::io::Result<()> {
            // Raw mode: every line ends in \r\n, and is cleared before it is written.
            let mut text = String::new();
            if again {
                text.push_str(&format!("\x1b[{lines}A"));
            }
            let marks = items
                .iter()
                .enumerate()
                .map(|(i, item)| format!("{} {item}", if i == chosen { ">" } else { " " }));
            for line in [status(), prompt.to_string()].into_iter().chain(marks) {
                text.push_str("\r\x1b[2K");
                text.push_str(&fit(&line));
                text.push_str("\r\n");
            }
            self.term.write_str(&text)
        };
        crossterm::terminal::enable_raw_mode()?;
        let _cooked = Cooked(&self.term);
        self.term.hide_cursor()?;
        let mut chosen = 0usize;
        let mut shown = status();
        draw(chosen, false)?;
        let answer = loop {
            if self.interrupted.load(Ordering::SeqCst) {
                return Err(std::io::ErrorKind::Interrupted.into());
            }
            if !event::poll(std::time::Duration::from_millis(200))? {
                if status() != shown {
                    shown = status();
                    draw(chosen, true)?;
                }
                continue;
            }
            let Event::Key(key) = event::read()? else {
                continue;
            };
            if key.kind == KeyEventKind::Release {
                continue;
            }
            match key.code {
                KeyCode::Char('c') if key.modifiers.contains(KeyModifiers::CONTROL) => {
                    return Err(std::io::ErrorKind::Interrupted.into());
                }
                KeyCode::Up | KeyCode::Char('k') => {
                    chosen = (chosen + items.len() - 1) % items.len();
                }
                KeyCode::Down | KeyCode::Tab | KeyCode::Char('j') => {
                    chosen = (chosen + 1) % items.len();
                }
                KeyCode::Char(d) if d.is_ascii_digit() => {
                    let n = d.to_digit(10).unwrap_or(0) as usize;
                    if (1..=items.len()).contains(&n) {
                        chosen = n - 1;
                    }
                }
                KeyCode::Enter => break Some(chosen),
                KeyCode::Esc | KeyCode::Char('q') => break None,
                _ => continue,
            }
            draw(chosen, true)?;
        };
        // The menu gives way to the answer, under the status line as it stood.
        let mut text = format!("\x1b[{lines}A\r\x1b[2K{}\r\n", fit(&status()));
        for _ in 1..lines {
            text.push_str("\r\x1b[2K\r\n");
        }
        text.push_str(&format!("\x1b[{}A", lines - 1));
        let chose = answer.map_or("(back)", |i| items[i].as_str());
        text.push_str(&format!("\r\x1b[2K{prompt} · {chose}\r\n"));
        self.term.write_str(&text)?;
        Ok(answer)
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

/// The error a Ctrl-C ends the session with (exit 130).
pub(super) fn interrupted() -> Error {
    Error::Interrupted("interrupted: nothing is left half-done".into())
}
