//! The Parallax desktop shell: a window, a menu and thin commands over `parallax-core`.

pub mod commands;
pub mod ipc;
mod menu;
mod state;

use std::path::PathBuf;

use tauri::Manager;

pub use state::AppState;

/// The project to open at start: the first command-line argument, else the default
/// project in the platform's data directory.
fn initial_project(app: &tauri::App) -> Option<PathBuf> {
    if let Some(arg) = std::env::args_os()
        .skip(1)
        .find(|a| !a.to_string_lossy().starts_with('-'))
    {
        return Some(PathBuf::from(arg));
    }
    app.path()
        .app_data_dir()
        .ok()
        .map(|d| d.join("default.parallax"))
}

pub fn run() {
    tauri::Builder::default()
        .plugin(tauri_plugin_dialog::init())
        .manage(AppState::default())
        .menu(menu::build)
        .on_menu_event(|app, event| menu::on_event(app, event.id().as_ref()))
        .setup(|app| {
            if let Some(path) = initial_project(app) {
                let state = app.state::<AppState>();
                if let Err(e) = state.open(&path, true) {
                    eprintln!("parallax: cannot open {}: {}", path.display(), e.message);
                }
            }
            let handle = app.handle().clone();
            std::thread::spawn(move || handle.state::<AppState>().load_installed());
            Ok(())
        })
        .invoke_handler(tauri::generate_handler![
            commands::project::project_info,
            commands::project::open_project,
            commands::project::new_project,
            commands::articles::list_articles,
            commands::articles::get_article,
            commands::articles::search_articles,
            commands::articles::edit_article_metadata,
            commands::import::import_paths,
            commands::import::cancel_import,
            commands::embedding::embedding_status,
            commands::embedding::embed_pending,
            commands::embedding::cancel_embedding,
            commands::embedding::prepare_analysis,
            commands::actors::list_actors,
            commands::actors::edit_actor,
            commands::actors::undo_actor_edit,
            commands::compare::coverage_matrix,
            commands::compare::actor_groups,
            commands::compare::edit_group,
            commands::compare::undo_group_edit,
            commands::statements::article_statements,
            commands::corrections::correct_statement,
            commands::corrections::undo_statement_correction,
            commands::corrections::redo_statement_correction,
            commands::notes::list_annotations,
            commands::notes::annotation_of,
            commands::notes::set_note,
            commands::notes::add_tag,
            commands::notes::remove_tag,
            commands::notes::search_notes,
            commands::export::export_preview,
            commands::export::export_write,
        ])
        .run(tauri::generate_context!())
        .expect("error while running the Parallax window");
}
