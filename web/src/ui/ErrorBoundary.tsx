import { Component, type ErrorInfo, type ReactNode } from 'react';
import i18n from '../i18n/index.ts';

interface State {
  error: Error | null;
}

/** Never a blank screen: a failure in a screen shows a message and a way back. */
export class ErrorBoundary extends Component<{ children: ReactNode; resetKey?: string }, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: Error): State {
    return { error };
  }

  override componentDidCatch(error: Error, info: ErrorInfo) {
    console.error('Obieg UI error', error, info.componentStack);
  }

  override componentDidUpdate(previous: { resetKey?: string }) {
    if (previous.resetKey !== this.props.resetKey && this.state.error)
      this.setState({ error: null });
  }

  override render() {
    if (!this.state.error) return this.props.children;
    return (
      <div className="alert alert-error" role="alert">
        <h2>{i18n.t('errorBoundary.title')}</h2>
        <p>{i18n.t('errorBoundary.body')}</p>
        <p className="muted small">{this.state.error.message}</p>
        <p className="button-row">
          <button type="button" onClick={() => this.setState({ error: null })}>
            {i18n.t('errorBoundary.retry')}
          </button>
          <a className="button secondary" href="/">
            {i18n.t('errorBoundary.home')}
          </a>
        </p>
      </div>
    );
  }
}
