//! The native menu. Its items only emit `menu` events with the item id; the UI shows the
//! dialogs and calls the commands, so the menu and the toolbar share one code path.

use tauri::menu::{Menu, MenuItemBuilder, PredefinedMenuItem, SubmenuBuilder};
use tauri::{AppHandle, Emitter, Runtime};

pub const ITEMS: [(&str, &str, &str); 4] = [
    ("new_project", "New Project…", "CmdOrCtrl+N"),
    ("open_project", "Open Project…", "CmdOrCtrl+O"),
    ("import_files", "Import Files…", "CmdOrCtrl+I"),
    ("import_folder", "Import Folder…", "CmdOrCtrl+Shift+I"),
];

pub fn build<R: Runtime>(app: &AppHandle<R>) -> tauri::Result<Menu<R>> {
    let mut file = SubmenuBuilder::new(app, "File");
    for (i, (id, label, accel)) in ITEMS.iter().enumerate() {
        if i == 2 {
            file = file.separator();
        }
        file = file.item(
            &MenuItemBuilder::with_id(*id, *label)
                .accelerator(*accel)
                .build(app)?,
        );
    }
    let file = file
        .separator()
        .item(&PredefinedMenuItem::quit(app, Some("Quit"))?)
        .build()?;
    Menu::with_items(app, &[&file])
}

pub fn on_event<R: Runtime>(app: &AppHandle<R>, id: &str) {
    if ITEMS.iter().any(|(item, _, _)| *item == id) {
        let _ = app.emit("menu", id);
    }
}
