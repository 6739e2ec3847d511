/** A page with one line on it: what is loading, or the problem that stopped it. */
export function StatusPage(props: { loading: string; problem: string | null }) {
  return (
    <main class="centered">
      {props.problem ? (
        <p role="alert" class="error">
          {props.problem}
        </p>
      ) : (
        <p>{props.loading}</p>
      )}
    </main>
  );
}
