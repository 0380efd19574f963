"""The window around the screens, split by what it does: the header controls, the footer actions, navigation
between screens, and the window itself (composition, language, look, reset, fitting the screen)."""
