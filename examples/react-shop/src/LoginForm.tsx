import { useAuth } from '@storefront/react';
import { AuthenticationError, ValidationError } from '@storefront/sdk';
import { type FormEvent, useState } from 'react';

export function LoginForm() {
  const auth = useAuth();
  const [error, setError] = useState<string>();

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setError(undefined);
    try {
      await auth.login({ email: String(form.get('email')), password: String(form.get('password')) });
    } catch (err) {
      // The SDK's typed errors: the code says what went wrong, no status-number guessing.
      if (err instanceof AuthenticationError) setError('Wrong email or password.');
      else if (err instanceof ValidationError) setError(err.errors.map((e) => e.message).join(' '));
      else setError(err instanceof Error ? err.message : String(err));
    }
  }

  return (
    <form onSubmit={submit} aria-label="Log in">
      <h1>Log in</h1>
      <input name="email" type="email" placeholder="Email" autoComplete="username" required />
      <input name="password" type="password" placeholder="Password" autoComplete="current-password" required />
      <button type="submit" disabled={auth.pending}>
        Log in
      </button>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
    </form>
  );
}
