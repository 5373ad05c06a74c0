import GuideCLI
GuideCommand.main()
