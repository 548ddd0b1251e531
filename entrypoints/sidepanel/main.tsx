import { render } from 'preact';

function App() {
  return <main>Inside Out</main>;
}

render(<App />, document.getElementById('app')!);
