import GuideCLI

GuideCommand.runMain()
