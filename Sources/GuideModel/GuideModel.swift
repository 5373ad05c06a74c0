// GuideModel: see DESIGN-NOTES.md
