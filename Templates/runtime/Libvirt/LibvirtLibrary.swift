/// The libvirt library itself: functions and constants that belong to no object.
public enum LibvirtLibrary {}
