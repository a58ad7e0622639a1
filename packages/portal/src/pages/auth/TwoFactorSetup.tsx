// Enrolling an authenticator: a QR code of the otpauth URI (and the secret to type in), a code
// to prove it works, then the ten recovery codes, shown once.
import { useEffect, useState } from 'react';
import { useNavigate } from 'react-router';
import QRCode from 'qrcode';
import { api, problemOf, type Problem } from '../../api.ts';
import { useMe, useSession } from '../../session.tsx';
import { Input, Notice, PageHeader, ProblemAlert, text, useSubmit } from '../../ui.tsx';

export function TwoFactorSetup() {
  const me = useMe();
  const { refresh } = useSession();
  const navigate = useNavigate();
  const [setup, setSetup] = useState<{ secret: string; qr: string }>();
  const [problem, setProblem] = useState<Problem>();
  const [codes, setCodes] = useState<string[]>();

  const start = async () => {
    setProblem(undefined);
    try {
      const s = await api('post', '/v1/auth/2fa/setup');
      setSetup({ secret: s.secret, qr: await QRCode.toDataURL(s.otpauthUri, { margin: 1, width: 220 }) });
    } catch (err) {
      setProblem(problemOf(err));
    }
  };
  useEffect(() => {
    if (me.twoFactor.enrollmentRequired) void start();
    // Starting once on arrival is the point; `start` is recreated on every render.
  }, [me.twoFactor.enrollmentRequired]);

  const enable = useSubmit(async (f) => {
    const answer = await api('post', '/v1/auth/2fa/enable', { body: { code: text(f, 'code') } });
    setCodes(answer.recoveryCodes);
  });

  if (codes) {
    return (
      <>
        <PageHeader title="Save your recovery codes" />
        <Notice tone="success">Two-factor authentication is on.</Notice>
        <p>
          Each code signs you in once if you lose your authenticator. Keep them somewhere safe: they are not shown
          again.
        </p>
        <ul className="recovery-codes" aria-label="Recovery codes">
          {codes.map((c) => (
            <li key={c}>
              <code>{c}</code>
            </li>
          ))}
        </ul>
        <button type="button" className="primary" onClick={() => void refresh().then(() => navigate('/'))}>
          I saved them, continue
        </button>
      </>
    );
  }
  return (
    <>
      <PageHeader title="Set up two-factor authentication" />
      {me.twoFactor.enrollmentRequired && (
        <Notice tone="warning">Your account requires two-factor authentication. Set it up to continue.</Notice>
      )}
      {me.twoFactor.enabled && !setup && (
        <Notice>
          Two-factor authentication is already on. Setting it up again replaces your authenticator and recovery codes.
        </Notice>
      )}
      <ProblemAlert problem={problem} />
      {!setup ? (
        <button type="button" className="primary" onClick={() => void start()}>
          Start setup
        </button>
      ) : (
        <div className="card">
          <ol className="steps">
            <li>
              <p className="step" data-testid="step-scan">
                Scan this code with an authenticator app.
              </p>
              <img
                className="qr"
                src={setup.qr}
                alt="QR code of the authenticator setup link"
                width={220}
                height={220}
              />
              <p>
                Or type this key: <code data-testid="totp-secret">{setup.secret}</code>
              </p>
            </li>
            <li>
              <p className="step">Enter the 6-digit code it shows.</p>
              <form onSubmit={enable.onSubmit} noValidate>
                <ProblemAlert problem={enable.problem} />
                <Input
                  label="Authentication code"
                  name="code"
                  inputMode="numeric"
                  autoComplete="one-time-code"
                  maxLength={6}
                  required
                  problem={enable.problem}
                />
                <button type="submit" className="primary" disabled={enable.busy}>
                  Turn on two-factor
                </button>
              </form>
            </li>
          </ol>
        </div>
      )}
    </>
  );
}
