# One image for the dondoc worker, web server and mail sink (see docker-compose.yml).
FROM node:20-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production DONDOC_SKIP_TOOLS=1
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --ignore-scripts
COPY . .
USER node
CMD ["node", "--import", "tsx", "worker/main.ts"]
