// Checks: see DESIGN-NOTES.md
