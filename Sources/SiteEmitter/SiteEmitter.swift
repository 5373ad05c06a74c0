// SiteEmitter: see DESIGN-NOTES.md
