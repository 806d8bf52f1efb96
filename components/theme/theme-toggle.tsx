"use client";

import { useEffect, useState } from "react";
import { THEME_KEY } from "./theme-script";

/** Switches between the light and dark theme and remembers the choice in this browser. */
export function ThemeToggle() {
  const [dark, setDark] = useState<boolean | null>(null);

  useEffect(() => {
    setDark(document.documentElement.classList.contains("dark"));
  }, []);

  const toggle = () => {
    const next = !dark;
    document.documentElement.classList.toggle("dark", next);
    try {
      localStorage.setItem(THEME_KEY, next ? "dark" : "light");
    } catch {
      // Storage can be off (private mode); the switch still works for this page.
    }
    setDark(next);
  };

  return (
    <button
      type="button"
      onClick={toggle}
      aria-pressed={dark ?? false}
      className="inline-flex items-center gap-2 rounded-md border border-slate-300 px-3 py-1 text-sm hover:bg-slate-100 dark:border-slate-600 dark:hover:bg-slate-800"
    >
      <span aria-hidden="true">{dark ? "☾" : "☀"}</span>
      Dark theme
    </button>
  );
}
