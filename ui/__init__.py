"""The Qt side: the wizard, printing and kiosk mode. Holds no scoring logic."""
