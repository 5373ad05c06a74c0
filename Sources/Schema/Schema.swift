// Schema: see DESIGN-NOTES.md
