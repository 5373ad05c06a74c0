// Markdown: see DESIGN-NOTES.md
