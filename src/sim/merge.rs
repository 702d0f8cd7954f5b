//! `seatctl simulate merge`: combines the JSON reports of one `--run-id` from several hosts
//! into one, checking their schema version and run id.

use std::path::{Path, PathBuf};

use super::notation::Threshold;
use super::plot;
use super::report::{self, SimReport};
use crate::error::{Error, Result};

/// A report written by `seatctl --json simulate` (or `merge`) from `path`. Errors: exit 2 for
/// an unreadable file, one that is no such report, or another schema version.
pub fn read(path: &Path) -> Result<SimReport> {
    let text = std::fs::read_to_string(path)
        .map_err(|e| Error::invalid(format!("cannot read {}: {e}", path.display())))?;
    let report: SimReport = serde_json::from_str(&text).map_err(|e| {
        Error::invalid(format!(
            "{} is not a `seatctl --json simulate` result: {e}",
            path.display()
        ))
    })?;
    if report.schema_version != report::SCHEMA_VERSION {
        return Err(Error::invalid(format!(
            "{} has schema_version {}; this seatctl reads {}",
            path.display(),
            report.schema_version,
            report::SCHEMA_VERSION
        )));
    }
    Ok(report)
}

/// Merges the reports in `files` (one `--run-id`), checks `thresholds` on the merged runs, and
/// writes plots to `plot_path` if given. Errors: exit 2 for an unreadable file, another
/// schema version or another run id.
pub fn merge(
    files: &[PathBuf],
    thresholds: &[Threshold],
    plot_path: Option<&Path>,
) -> Result<SimReport> {
    {
        let mut reports = Vec::new();
        for path in files {
            reports.push((path, read(path)?));
        }
        let (first_path, first) = &reports[0];
        for (path, r) in &reports[1..] {
            if r.run_id != first.run_id {
                return Err(Error::invalid(format!(
                    "{} is run `{}` but {} is run `{}`: merge results of one --run-id",
                    path.display(),
                    r.run_id,
                    first_path.display(),
                    first.run_id
                )));
            }
        }
        let mut merged =
            SimReport::merge(reports.into_iter().map(|(_, r)| r).collect(), thresholds);
        merged.files.clear();
        if let Some(path) = plot_path {
            plot::write(path, &merged)?;
            merged.files.push(path.display().to_string());
        }
        Ok(merged)
    }
}
