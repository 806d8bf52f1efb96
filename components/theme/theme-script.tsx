/** Where the choice is kept: a personal preference, not view state to share in a URL. */
export const THEME_KEY = "raftscope-theme";

// Runs before the first paint so a dark page never flashes light; the OS decides until chosen.
const script = `try{var t=localStorage.getItem("${THEME_KEY}");var d=t?t==="dark":matchMedia("(prefers-color-scheme: dark)").matches;document.documentElement.classList.toggle("dark",d)}catch(e){}`;

/**
 * Inline script for the root layout's head that applies the theme before hydration. It needs
 * the request's CSP nonce: the policy runs no inline script without it.
 */
export function ThemeScript({ nonce }: { nonce: string | undefined }) {
  return (
    <script
      nonce={nonce}
      // Browsers hide a nonce from the DOM once applied, so hydration would see it differ.
      suppressHydrationWarning
      // biome-ignore lint/security/noDangerouslySetInnerHtml: a constant script, no user input.
      dangerouslySetInnerHTML={{ __html: script }}
    />
  );
}
