import type { ReactNode } from 'react';

/** The frame of the signed-out screens: one centred card. */
export function AuthFrame({ title, children }: { title: string; children: ReactNode }) {
  return (
    <main id="main" className="auth">
      <div className="auth-card">
        <p className="brand">CX Engage</p>
        <h1>{title}</h1>
        {children}
      </div>
    </main>
  );
}

/** Links carry their token in the fragment (`#token=…`), which never reaches a server log. */
export function tokenFromHash(): string {
  return new URLSearchParams(window.location.hash.slice(1)).get('token') ?? '';
}
