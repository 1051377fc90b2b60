/**
 * The `conduit` executable: runs the command line as this process.
 *
 * @since 0.1.0
 */
import { runAsProcess } from "./main.js"

runAsProcess()
