export * as MessageXml from "./MessageXml.js"
