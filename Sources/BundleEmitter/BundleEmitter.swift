// BundleEmitter: see DESIGN-NOTES.md
