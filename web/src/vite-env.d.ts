/// <reference types="vite/client" />
// Vite client types: CSS side-effect imports, import.meta.env and asset URLs.
