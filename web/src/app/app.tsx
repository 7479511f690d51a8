import { Providers } from './providers.tsx';
import { AppRoutes } from './app-routes.tsx';

/** The whole web app. */
export function App() {
  return (
    <Providers>
      <AppRoutes />
    </Providers>
  );
}
