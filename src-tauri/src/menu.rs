//! The native menu. Its items only emit `menu` events with the item id; the UI shows the
//! dialogs and calls the commands, so the menu and the toolbar share one code path.

use tauri::menu::{Menu, MenuItemBuilder, SubmenuBuilder};
use tauri::{AppHandle, Emitter, Runtime};

pub const ITEMS: [(&str, &str, &str); 5] = [
    ("new_project", "New Project…", "CmdOrCtrl+N"),
    ("open_project", "Open Project…", "CmdOrCtrl+O"),
    ("import_files", "Import Files…", "CmdOrCtrl+I"),
    ("import_folder", "Import Folder…", "CmdOrCtrl+Shift+I"),
    ("export", "Export…", "CmdOrCtrl+E"),
];

pub fn build<R: Runtime>(app: &AppHandle<R>) -> tauri::Result<Menu<R>> {
    let mut file = SubmenuBuilder::new(app, "File");
    for (i, (id, label, accel)) in ITEMS.iter().enumerate() {
        if i == 2 || i == 4 {
            file = file.separator();
        }
        file = file.item(
            &MenuItemBuilder::with_id(*id, *label)
                .accelerator(*accel)
                .build(app)?,
        );
    }
    // Not `PredefinedMenuItem::quit`: muda does not support it on GTK (greyed out, no
    // accelerator), so Quit is an item of ours that ends the app.
    let file = file
        .separator()
        .item(
            &MenuItemBuilder::with_id(QUIT, "Quit")
                .accelerator("CmdOrCtrl+Q")
                .build(app)?,
        )
        .build()?;
    Menu::with_items(app, &[&file])
}

/// The id of File › Quit.
pub const QUIT: &str = "quit";

pub fn on_event<R: Runtime>(app: &AppHandle<R>, id: &str) {
    if id == QUIT {
        app.exit(0);
    } else if ITEMS.iter().any(|(item, _, _)| *item == id) {
        let _ = app.emit("menu", id);
    }
}
