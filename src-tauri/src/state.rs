//! The open project, shared by the commands.

use std::path::Path;
use std::sync::Mutex;

use parallax_core::{Project, ProjectError};

use crate::ipc::{IpcError, ProjectInfo};

#[derive(Default)]
pub struct AppState {
    project: Mutex<Option<Project>>,
}

pub fn info(p: &Project) -> Result<ProjectInfo, ProjectError> {
    Ok(ProjectInfo {
        path: p.path().display().to_string(),
        article_count: p.article_count()?,
    })
}

impl AppState {
    /// Opens (or creates) a project and makes it the current one. On failure the current
    /// project stays open.
    pub fn open(&self, path: &Path, create: bool) -> Result<ProjectInfo, IpcError> {
        let project = if create {
            Project::open_or_create(path)
        } else {
            Project::open(path)
        }?;
        let info = info(&project)?;
        *self.lock() = Some(project);
        Ok(info)
    }

    pub fn with_project<T>(
        &self,
        f: impl FnOnce(&Project) -> Result<T, IpcError>,
    ) -> Result<T, IpcError> {
        match self.lock().as_ref() {
            Some(p) => f(p),
            None => Err(IpcError::new("invalid_project", "no project is open")),
        }
    }

    pub fn with_project_mut<T>(
        &self,
        f: impl FnOnce(&mut Project) -> Result<T, IpcError>,
    ) -> Result<T, IpcError> {
        match self.lock().as_mut() {
            Some(p) => f(p),
            None => Err(IpcError::new("invalid_project", "no project is open")),
        }
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Option<Project>> {
        // A panic while holding the lock leaves the project itself consistent (SQLite
        // transactions), so a poisoned lock is still usable.
        self.project.lock().unwrap_or_else(|e| e.into_inner())
    }
}
