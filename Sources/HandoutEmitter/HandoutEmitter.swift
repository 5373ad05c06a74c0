// HandoutEmitter: see DESIGN-NOTES.md
