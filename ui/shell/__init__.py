"""The app shell: the main window (menus, toolbars, docks), the View menu and the help dialogs."""
