"""The wizard's screens: welcome, one screen per questionnaire screen (built from the definition), review and
result. A screen reads and writes the answer sheet and emits signals; it never decides a level."""
