// Loader: see DESIGN-NOTES.md
