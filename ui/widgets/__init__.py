"""Controls made for a finger and for older eyes: big buttons, choice groups, count rows, the number pad,
touch scrolling, in-window dialogs and the keyboard focus mark."""
