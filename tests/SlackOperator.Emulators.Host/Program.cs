// Replaced by the emulator host; kept so the solution builds while the emulators are written.
return 0;
