//! The open project, shared by the commands.

use std::path::Path;
use std::sync::atomic::AtomicBool;
use std::sync::{Mutex, OnceLock};

use parallax_core::resources::{default_model_path, Installed};
use parallax_core::{Project, ProjectError};

use crate::ipc::{IpcError, ProjectInfo};

#[derive(Default)]
pub struct AppState {
    project: Mutex<Option<Project>>,
    /// Why the last project could not be opened, while none is open: the command that finds
    /// no project says this instead of only "no project is open".
    open_failure: Mutex<Option<String>>,
    /// Set by `cancel_import`; the running import stops soon after (outside the project's
    /// lock, which the import holds).
    pub import_cancel: AtomicBool,
    /// Set by `cancel_embedding`; the running embedding stops after the batches in flight.
    pub embed_cancel: AtomicBool,
    /// The dictionaries and sentence model of this machine, found once (as the CLI finds
    /// them) and given to every project opened.
    installed: OnceLock<Installed>,
}

pub fn info(p: &Project) -> Result<ProjectInfo, ProjectError> {
    Ok(ProjectInfo {
        path: p.path().display().to_string(),
        article_count: p.article_count()?,
    })
}

impl AppState {
    /// The installed dictionaries and sentence model (looked for on first use; reading the
    /// dictionaries takes about a second, so the shell starts [`AppState::load_installed`]
    /// on a worker thread at start-up).
    pub fn installed(&self) -> &Installed {
        self.installed
            .get_or_init(|| Installed::find(default_model_path(|k| std::env::var_os(k)).as_deref()))
    }

    /// Finds the installed resources and gives them to the open project. Run off the main
    /// thread at start-up, so the window shows the project while the dictionaries are read.
    pub fn load_installed(&self) {
        let installed = self.installed();
        if let Some(p) = self.lock().as_mut() {
            installed.apply(p);
        }
    }

    /// Opens (or creates) a project and makes it the current one. On failure the current
    /// project stays open.
    pub fn open(&self, path: &Path, create: bool) -> Result<ProjectInfo, IpcError> {
        let opened = if create {
            Project::open_or_create(path)
        } else {
            Project::open(path)
        };
        let mut project = match opened {
            Ok(project) => project,
            Err(e) => {
                let error = IpcError::from(e);
                if self.lock().is_none() {
                    *self.failure() = Some(error.message.clone());
                }
                return Err(error);
            }
        };
        // before the start-up thread has found them, that thread gives them to this project
        if let Some(installed) = self.installed.get() {
            installed.apply(&mut project);
        }
        let info = info(&project)?;
        *self.lock() = Some(project);
        *self.failure() = None;
        Ok(info)
    }

    /// The error of a command that needs a project when none is open: why the last one could
    /// not be opened, if one was tried.
    fn no_project(&self) -> IpcError {
        match self.failure().as_ref() {
            Some(why) => IpcError::new("invalid_project", why.clone()),
            None => IpcError::new("invalid_project", "no project is open"),
        }
    }

    fn failure(&self) -> std::sync::MutexGuard<'_, Option<String>> {
        self.open_failure.lock().unwrap_or_else(|e| e.into_inner())
    }

    pub fn with_project<T>(
        &self,
        f: impl FnOnce(&Project) -> Result<T, IpcError>,
    ) -> Result<T, IpcError> {
        match self.lock().as_ref() {
            Some(p) => f(p),
            None => Err(self.no_project()),
        }
    }

    pub fn with_project_mut<T>(
        &self,
        f: impl FnOnce(&mut Project) -> Result<T, IpcError>,
    ) -> Result<T, IpcError> {
        match self.lock().as_mut() {
            Some(p) => f(p),
            None => Err(self.no_project()),
        }
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Option<Project>> {
        // A panic while holding the lock leaves the project itself consistent (SQLite
        // transactions), so a poisoned lock is still usable.
        self.project.lock().unwrap_or_else(|e| e.into_inner())
    }
}
