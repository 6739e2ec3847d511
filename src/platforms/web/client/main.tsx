import "./styles.css";
import { render } from "preact";
import { Root } from "./root.tsx";

const mount = document.getElementById("app");
if (mount) render(<Root />, mount);
