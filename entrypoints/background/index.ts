export default defineBackground(() => {
  // Wiring only; each concern lives in lib/ or lib/platform.
});
